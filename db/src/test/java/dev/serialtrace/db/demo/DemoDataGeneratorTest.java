package dev.serialtrace.db.demo;

import dev.serialtrace.core.unit.InternalUnitId;
import dev.serialtrace.db.testing.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DemoDataGeneratorTest {

    private static final DemoDataGenerator.Options OPTIONS =
            new DemoDataGenerator.Options(5_000, 7, LocalDate.of(2026, 6, 30));

    private static DataSource demo;
    private static DemoDataGenerator.Summary summary;

    @BeforeAll
    static void generateOnce() {
        demo = TestDatabase.fresh();
        summary = new DemoDataGenerator(demo).generate(OPTIONS, (phase, done, total) -> { });
    }

    @Test
    void summary_counts_what_was_written() throws SQLException {
        assertThat(summary.units()).isEqualTo(5_000);
        assertThat(count("select count(*) from unit")).isEqualTo(5_000);
        assertThat(count("select count(*) from custody_event")).isEqualTo(summary.events());
        assertThat(summary.events() / 5_000.0).isBetween(6.0, 8.0);
    }

    @Test
    void same_options_give_identical_data_and_another_seed_does_not() throws SQLException {
        DataSource again = TestDatabase.fresh();
        new DemoDataGenerator(again).generate(OPTIONS, null);
        DataSource otherSeed = TestDatabase.fresh();
        new DemoDataGenerator(otherSeed).generate(new DemoDataGenerator.Options(5_000, 8, OPTIONS.asOf()), null);

        Map<String, String> expected = digests(demo);
        assertThat(expected).containsKeys("unit", "custody_event", "sensor_reading", "spot_audit", "party");
        assertThat(digests(again)).isEqualTo(expected);
        assertThat(digests(otherSeed).get("unit")).isNotEqualTo(expected.get("unit"));
        assertThat(digests(otherSeed).get("custody_event")).isNotEqualTo(expected.get("custody_event"));
    }

    @Test
    void refuses_a_database_that_already_holds_units() {
        assertThatThrownBy(() -> new DemoDataGenerator(demo).generate(OPTIONS, null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already holds units");
    }

    @Test
    void every_units_current_state_is_its_latest_event() throws SQLException {
        long disagreeing = count("""
                select count(*) from unit u
                left join lateral (select e.id, e.disposition from custody_event e where e.unit_id = u.id
                                   order by e.occurred_at desc, e.id desc limit 1) latest on true
                left join lateral (select e.to_location_id from custody_event e where e.unit_id = u.id
                                     and (e.from_location_id is not null or e.to_location_id is not null)
                                   order by e.occurred_at desc, e.id desc limit 1) placed on true
                left join lateral (select e.destination_party_id from custody_event e where e.unit_id = u.id
                                     and e.destination_party_id is not null
                                   order by e.occurred_at desc, e.id desc limit 1) held on true
                where u.status is distinct from latest.disposition
                   or u.holder_party_id is distinct from held.destination_party_id
                   or u.last_event_id is distinct from latest.id
                   or u.location_id is distinct from placed.to_location_id
                   or u.event_count <> (select count(*) from custody_event e where e.unit_id = u.id)""");
        assertThat(disagreeing).isZero();
        assertThat(count("select count(*) from unit where event_count = 0")).isZero();
    }

    @Test
    void units_carry_internal_ids_and_manufacturer_serial_formats() throws SQLException {
        try (Connection c = demo.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select id, internal_id from unit order by id")) {
            while (rs.next()) {
                assertThat(rs.getString(2)).isEqualTo(InternalUnitId.format(rs.getLong(1)));
            }
        }
        assertThat(count("select count(*) from unit u join product p on p.id = u.product_id "
                + "join format_rule f on f.id = p.format_rule_id where u.serial !~ f.pattern")).isZero();
        assertThat(count("select count(*) from unit where serial ~ '^LT-[0-9]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$'")).isPositive();
        assertThat(count("select count(*) from unit where serial ~ '^TV[0-9]K[0-9]{2}[0-9A-Z]{6}$'")).isPositive();
        assertThat(count("select count(*) from unit where serial ~ '^(RA|KF)[0-9]{7}$'")).isPositive();
    }

    @Test
    void pharma_has_ndc_gtins_lots_expiry_and_a_cold_chain_with_excursions() throws SQLException {
        assertThat(count("select count(*) from product where category = 'pharma' and gtin is not null "
                + "and substr(gtin, 2, 2) = '03' and substr(gtin, 4, 10) = ndc")).isGreaterThanOrEqualTo(5);
        try (Connection c = demo.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select gtin from product where gtin is not null")) {
            while (rs.next()) {
                String gtin = rs.getString(1);
                assertThat(Identifiers.gs1CheckDigit(gtin.substring(0, 13))).isEqualTo(gtin.charAt(13) - '0');
            }
        }
        assertThat(count("select count(*) from unit u join product p on p.id = u.product_id "
                + "where p.category = 'pharma' and (u.lot_id is null or u.expiry is null)")).isZero();
        assertThat(count("select count(*) from sensor_reading r join location l on l.id = r.location_id where not l.is_cold")).isZero();
        assertThat(count("select count(*) from sensor_reading where temperature_c > 8")).isPositive();
        assertThat(count("select count(*) from sensor_reading where temperature_c between 2 and 8") * 1.0
                / count("select count(*) from sensor_reading")).isGreaterThan(0.99);
        assertThat(count("select count(*) from unit u join product p on p.id = u.product_id "
                + "join location l on l.id = u.location_id where p.storage_temp_max = 8 and u.status = 'sellable_accessible' and not l.is_cold")).isZero();
        assertThat(count("select count(*) from stock where quantity > 0")).isPositive();
    }

    @Test
    void kits_hibc_devices_and_firearms_are_present() throws SQLException {
        assertThat(count("select count(*) from unit child join unit kit on kit.id = child.parent_unit_id "
                + "join product p on p.id = kit.product_id where p.is_kit")).isPositive();
        assertThat(count("select count(*) from custody_event where biz_step = 'packing' and parent_unit_id is not null")).isPositive();
        assertThat(count("select count(*) from unit u join product p on p.id = u.product_id where p.hibc_labeler is not null")).isPositive();
        assertThat(count("select count(*) from unit u join product p on p.id = u.product_id "
                + "where 'ATF' = any(p.regulatory_tags) and p.firearm_type is not null and p.firearm_caliber is not null")).isPositive();
        assertThat(count("select count(*) from shipment s join shipment_unit su on su.shipment_id = s.id "
                + "join unit u on u.id = su.unit_id join product p on p.id = u.product_id join party c on c.id = s.party_id "
                + "where p.category = 'firearm' and c.licence_number is null")).isZero();
        assertThat(count("select count(distinct time_zone) from site")).isEqualTo(2);
        assertThat(count("select count(*) from location where path <> (select string_agg(a.code, '/' order by a.depth desc) "
                + "from (with recursive up(id, parent_id, code, depth) as (select id, parent_id, code, 0 from location x where x.id = location.id "
                + "union all select p.id, p.parent_id, p.code, up.depth + 1 from location p join up on p.id = up.parent_id) select * from up) a)")).isZero();
    }

    @Test
    void lifecycles_include_receiving_shipping_delivery_returns_repair_and_scrap() throws SQLException {
        assertThat(count("select count(*) from custody_event where biz_step = 'receiving' and disposition = 'in_progress' "
                + "and biz_transactions @> '[{\"type\":\"po\"},{\"type\":\"desadv\"}]'")).isPositive();
        assertThat(count("select count(*) from custody_event where biz_step = 'receiving' and disposition = 'returned' "
                + "and biz_transactions @> '[{\"type\":\"rma\"}]'")).isPositive();
        for (String step : List.of("storing", "picking", "packing", "shipping", "accepting", "repairing", "destroying", "cycle_counting")) {
            assertThat(count("select count(*) from custody_event where biz_step = '" + step + "'")).as(step).isPositive();
        }
        assertThat(count("select count(*) from shipment_unit where verified_by_scan") * 1.0
                / count("select count(*) from shipment_unit")).isGreaterThan(0.95);
        assertThat(count("select count(*) from return_authorisation where received_unit_id <> authorised_unit_id")).isPositive();
        assertThat(count("select count(*) from return_authorisation where received_unit_id = authorised_unit_id")).isPositive();
    }

    @Test
    void capture_realism_manual_entries_exceptions_and_flagged_events() throws SQLException {
        double manualShare = count("select count(*) from custody_event where capture_method = 'manual'") * 1.0 / summary.events();
        assertThat(manualShare).isBetween(0.015, 0.06);
        assertThat(count("select count(*) from custody_event where capture_method = 'manual' and manual_reason is null")).isZero();
        for (String kind : List.of("unknown_serial", "duplicate", "invalid_format", "manual_unverified", "shipment_without_dispatch_scan")) {
            assertThat(count("select count(*) from capture_exception where kind = '" + kind + "'")).as(kind).isPositive();
        }
        assertThat(count("select count(*) from capture_exception x where kind = 'unknown_serial' "
                + "and exists (select 1 from unit u where u.serial = x.raw_input)")).isZero();
        assertThat(count("select count(*) from capture_exception x join shipment_unit su on su.shipment_id = x.shipment_id "
                + "where x.kind = 'shipment_without_dispatch_scan' and su.verified_by_scan")).isZero();
        assertThat(count("select count(*) from custody_event where is_illegal_transition and flag_reason like '%not allowed after%'")).isPositive();
        assertThat(count("select count(*) from custody_event where is_out_of_order and flag_reason is not null")).isPositive();
        assertThat(count("select count(*) from custody_event where actor is null or actor = current_user")).isZero();
    }

    @Test
    void warranty_claims_include_each_kind_of_fraud() throws SQLException {
        assertThat(count("select count(*) from warranty_claim where unit_id is null")).as("unknown serial").isPositive();
        assertThat(count("select count(*) from warranty_claim w where not exists "
                + "(select 1 from shipment_unit su join shipment s on s.id = su.shipment_id where su.unit_id = w.unit_id "
                + "and s.direction = 'outbound') and w.unit_id is not null")).as("never sold").isPositive();
        assertThat(count("select count(*) from warranty_claim w join shipment_unit su on su.unit_id = w.unit_id "
                + "join shipment s on s.id = su.shipment_id where s.party_id <> w.claimant_id")).as("not the buyer").isPositive();
        assertThat(count("select count(*) from warranty_claim w join shipment_unit su on su.unit_id = w.unit_id "
                + "join shipment s on s.id = su.shipment_id where s.party_id = w.claimant_id and s.region <> w.region"))
                .as("other region").isPositive();
        assertThat(count("select count(*) from warranty_claim where outcome = 'approved'")).isPositive();
    }

    @Test
    void spot_audits_are_closed_signed_and_resolved() throws SQLException {
        assertThat(count("select count(*) from spot_audit where status = 'signed'")).isPositive();
        assertThat(count("select count(*) from spot_audit where status = 'closed'")).isPositive();
        assertThat(count("select count(*) from signature s join spot_audit a on a.id = s.subject_id "
                + "where s.subject_type = 'spot_audit' and length(s.content_hash) = 32")).isPositive();
        assertThat(count("select count(*) from audit_expected")).isPositive();
        assertThat(count("select count(distinct classification) from audit_scan")).isGreaterThanOrEqualTo(4);
        assertThat(count("select count(*) from audit_discrepancy where resolution is not null")).isPositive();
        assertThat(count("select count(*) from audit_discrepancy d join custody_event e on e.id = d.resolution_event_id "
                + "where e.biz_step = 'cycle_counting'")).isPositive();
        assertThat(count("select count(*) from spot_audit a where expected_count <> "
                + "(select count(*) from audit_expected x where x.audit_id = a.id)")).isZero();
        assertThat(count("select count(*) from sync_log where status = 'failed'")).isPositive();
    }

    @Test
    void the_kpi_counters_updated_during_the_load_are_left_compact() throws SQLException {
        // dead row versions from the load's upserts, or the holes a plain vacuum leaves where they were, would
        // slow every dashboard read (at 10M: 943 MB of kpi_daily for 331k rows). Compact: every line pointer of
        // every page holds a live row (no dead, unused or redirected ones)
        execute("create extension if not exists pageinspect");
        for (String table : List.of("kpi_daily", "kpi_capture_mix", "kpi_shipped_dim")) {
            assertThat(count("select count(*) from " + table)).as(table).isPositive();
            assertThat(count("select count(*) from generate_series(0, pg_relation_size('" + table + "') / 8192 - 1) b, "
                    + "heap_page_items(get_raw_page('" + table + "', b::int)) where lp_flags <> 1")).as(table).isZero();
        }
        // kpi_capture_event's pages must be all-visible for a drill-down to read only its index
        assertThat(count("select count(*) from pg_stat_user_tables where relname = 'kpi_capture_event' and last_vacuum is not null"))
                .isEqualTo(1);
    }

    @Test
    void parties_know_their_gln_company_prefix_so_exports_name_sites_by_sgln() throws Exception {
        assertThat(count("select count(*) from party where gln is not null")).isPositive();
        assertThat(count("select count(*) from party where gln is not null and gln_company_prefix_length is distinct from 7")).isZero();
        long busiest = count("select unit_id from custody_event group by unit_id order by count(*) desc, unit_id limit 1");
        var out = new java.io.ByteArrayOutputStream();
        try (Connection c = demo.getConnection()) {
            c.setAutoCommit(false);   // rolled back: the export's sync-log row must not change the data other tests compare
            try {
                new dev.serialtrace.db.epcis.EpcisExporter(org.jooq.impl.DSL.using(c, org.jooq.SQLDialect.POSTGRES), java.time.Clock.systemUTC())
                        .export(new dev.serialtrace.db.epcis.EpcisExporter.Selection.OfUnit(busiest),
                                new dev.serialtrace.db.epcis.EpcisExporter.Options(dev.serialtrace.db.epcis.EpcisDocumentWriter.Format.JSONLD,
                                        false, "demo"), out, n -> { });
            } finally {
                c.rollback();
            }
        }
        // a site's GLN is 087 + 4 digits of company prefix, then the location reference: 087xxxx.yyyyy.<extension>
        assertThat(out.toString(java.nio.charset.StandardCharsets.UTF_8)).containsPattern("\"urn:epc:id:sgln:087\\d{4}\\.\\d{5}\\.[^\"]+\"");
    }

    private static void execute(String sql) throws SQLException {
        try (Connection c = demo.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static long count(String sql) throws SQLException {
        try (Connection c = demo.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** An md5 over every table's rows in a stable order, keyed by table name. */
    private static Map<String, String> digests(DataSource ds) throws SQLException {
        Map<String, String> out = new LinkedHashMap<>();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace "
                    + "where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition "
                    + "and c.relname not in ('flyway_schema_history', 'audit_trail') order by 1")) {   // the trail holds when rows were written
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String t : tables) {
                try (ResultSet rs = s.executeQuery("select md5(coalesce(string_agg(t::text, E'\\n' order by t::text), '')) from " + t + " t")) {
                    rs.next();
                    out.put(t, rs.getString(1));
                }
            }
        }
        return out;
    }
}
