package dev.serialtrace.db.epcis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.serialtrace.core.epcis.Cbv;
import dev.serialtrace.core.lifecycle.BizStep;
import dev.serialtrace.core.lifecycle.Disposition;
import dev.serialtrace.db.jooq.tables.Location;
import dev.serialtrace.db.jooq.tables.Party;
import dev.serialtrace.db.jooq.tables.Site;
import dev.serialtrace.db.jooq.tables.Unit;
import org.jooq.Condition;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.SelectField;
import org.jooq.impl.DSL;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyOut;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.LongConsumer;

import static dev.serialtrace.db.jooq.Tables.*;

/**
 * Custody history as an EPCIS 2.0 document, streamed from a server-side cursor: each custody
 * event becomes an ObjectEvent (or an AggregationEvent when a unit is packed into or unpacked from
 * a kit), with CBV step and disposition, read point (from-location) and business location
 * (to-location), source/destination parties, business transactions, ILMD lot and expiry at
 * commissioning, the temperature readings of a cold location the unit leaves, and its GS1 event
 * hash as eventID. Every export is written to the sync log.
 */
public final class EpcisExporter {
    /** Which history to export. */
    public sealed interface Selection {
        record OfUnit(long unitId) implements Selection {
        }

        record OfLot(String lotCode) implements Selection {
        }

        record Between(LocalDate from, LocalDate to) implements Selection {
        }

        /** Every unit of a recall (lot, serial range, or product and production period): the recall report's units. */
        record OfRecall(dev.serialtrace.db.unit.RecallQuery.Scope scope) implements Selection {
        }
    }

    /**
     * @param sensorData add the temperature summary of cold locations a unit leaves: two indexed
     *                   queries per such event, so the CLI leaves it out of date-range exports unless asked
     */
    public record Options(EpcisDocumentWriter.Format format, boolean digitalLink, String partner, boolean sensorData) {
        public Options(EpcisDocumentWriter.Format format, boolean digitalLink, String partner) {
            this(format, digitalLink, partner, true);
        }
    }

    public record Result(long events, long millis, boolean dscsa) {
    }

    private static final Set<BizStep> AGGREGATION = Set.of(BizStep.packing, BizStep.unpacking);
    private static final Unit PARENT = UNIT.as("parent_unit");
    private static final dev.serialtrace.db.jooq.tables.Product PARENT_PRODUCT = PRODUCT.as("parent_product");
    private static final Location FROM = LOCATION.as("from_location");
    private static final Location TO = LOCATION.as("to_location");
    private static final Site FROM_SITE = SITE.as("from_site");
    private static final Site TO_SITE = SITE.as("to_site");
    private static final Party FROM_SITE_PARTY = PARTY.as("from_site_party");
    private static final Party TO_SITE_PARTY = PARTY.as("to_site_party");
    private static final Party SOURCE = PARTY.as("source_party");
    private static final Party DESTINATION = PARTY.as("destination_party");

    private final DSLContext dsl;
    private final Clock clock;

    public EpcisExporter(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    public Result export(Selection selection, Options options, OutputStream out, LongConsumer progress) {
        OffsetDateTime started = OffsetDateTime.now(clock);
        long t0 = System.nanoTime();
        long[] count = {0};
        boolean[] dscsa = {false};
        try {
            dsl.transaction(tx -> {
                DSLContext db = tx.dsl();
                Condition where = where(db, selection);
                dscsa[0] = db.fetchExists(db.selectOne().from(CUSTODY_EVENT).join(UNIT).on(UNIT.ID.eq(CUSTODY_EVENT.UNIT_ID))
                        .join(PRODUCT).on(PRODUCT.ID.eq(UNIT.PRODUCT_ID))
                        .leftJoin(LOT).on(LOT.ID.eq(UNIT.LOT_ID))   // a recall scope may name the lot
                        .where(where).and(DSL.condition("'DSCSA' = any({0})", PRODUCT.REGULATORY_TAGS)));
                String ownGln = db.select(PARTY.GLN).from(PARTY).where(PARTY.KIND.eq(dev.serialtrace.db.jooq.enums.PartyKind.own))
                        .and(PARTY.GLN.isNotNull()).limit(1).fetchOne(PARTY.GLN);
                try (EpcisDocumentWriter writer = options.format().open(out)) {
                    writer.start(new EpcisDocumentWriter.Header(started, dscsa[0]));
                    var query = db.select(fields()).from(CUSTODY_EVENT)
                            .join(UNIT).on(UNIT.ID.eq(CUSTODY_EVENT.UNIT_ID))
                            .join(PRODUCT).on(PRODUCT.ID.eq(UNIT.PRODUCT_ID))
                            .leftJoin(LOT).on(LOT.ID.eq(UNIT.LOT_ID))
                            .leftJoin(FROM).on(FROM.ID.eq(CUSTODY_EVENT.FROM_LOCATION_ID))
                            .leftJoin(FROM_SITE).on(FROM_SITE.ID.eq(FROM.SITE_ID))
                            .leftJoin(FROM_SITE_PARTY).on(FROM_SITE_PARTY.ID.eq(FROM_SITE.PARTY_ID))
                            .leftJoin(TO).on(TO.ID.eq(CUSTODY_EVENT.TO_LOCATION_ID))
                            .leftJoin(TO_SITE).on(TO_SITE.ID.eq(TO.SITE_ID))
                            .leftJoin(TO_SITE_PARTY).on(TO_SITE_PARTY.ID.eq(TO_SITE.PARTY_ID))
                            .leftJoin(SOURCE).on(SOURCE.ID.eq(CUSTODY_EVENT.SOURCE_PARTY_ID))
                            .leftJoin(DESTINATION).on(DESTINATION.ID.eq(CUSTODY_EVENT.DESTINATION_PARTY_ID))
                            .leftJoin(PARENT).on(PARENT.ID.eq(CUSTODY_EVENT.PARENT_UNIT_ID))
                            .leftJoin(PARENT_PRODUCT).on(PARENT_PRODUCT.ID.eq(PARENT.PRODUCT_ID))
                            .where(where);
                    var ordered = selection instanceof Selection.Between
                            ? query // a date range streams partition by partition, without sorting the whole range
                            : query.orderBy(CUSTODY_EVENT.OCCURRED_AT, CUSTODY_EVENT.ID);
                    if (options.sensorData()) {
                        // sensor summaries query the database per cold event: a cursor leaves the connection usable for that
                        try (Cursor<Record> cursor = ordered.fetchSize(5_000).fetchLazy()) {
                            for (Record r : cursor) {
                                String[] row = new String[r.size()];
                                for (int i = 0; i < row.length; i++) {
                                    Object v = r.get(i);
                                    row[i] = v == null ? null : v instanceof org.jooq.JSONB j ? j.data() : v.toString();
                                }
                                write(writer, event(row, options, ownGln), count, progress);
                            }
                        }
                    } else {
                        // COPY of the query's rows: a plan that may run in parallel, rows streamed in PostgreSQL's
                        // text form (cheaper to produce and to read than result-set rows)
                        db.connection(c -> {
                            CopyOut copy = c.unwrap(PGConnection.class).getCopyAPI()
                                    .copyOut("copy (" + db.renderInlined(ordered) + ") to stdout");
                            byte[] line;
                            while ((line = copy.readFromCopy()) != null) {
                                write(writer, event(CopyText.split(line, COLUMNS), options, ownGln), count, progress);
                            }
                        });
                    }
                    writer.finish();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (RuntimeException e) {
            SyncLog.write(dsl, "export", options.partner(), format(options), started, OffsetDateTime.now(clock),
                    SyncLog.Status.failed, count[0], count[0], 0, rootMessage(e));
            throw e;
        }
        long millis = (System.nanoTime() - t0) / 1_000_000;
        SyncLog.write(dsl, "export", options.partner(), format(options), started, OffsetDateTime.now(clock),
                SyncLog.Status.success, count[0], count[0], 0, describe(selection));
        progress.accept(count[0]);
        return new Result(count[0], millis, dscsa[0]);
    }

    private static void write(EpcisDocumentWriter writer, ObjectNode event, long[] count, LongConsumer progress) {
        try {
            writer.event(event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (++count[0] % 10_000 == 0) {
            progress.accept(count[0]);
        }
    }

    private static String format(Options options) {
        return options.format() == EpcisDocumentWriter.Format.JSONLD ? "epcis-json" : "epcis-xml";
    }

    private static String describe(Selection s) {
        if (s instanceof Selection.OfUnit u) {
            return "unit " + u.unitId();
        }
        if (s instanceof Selection.OfLot l) {
            return "lot " + l.lotCode();
        }
        if (s instanceof Selection.OfRecall r) {
            return "recall " + r.scope();
        }
        Selection.Between b = (Selection.Between) s;
        return b.from() + " to " + b.to();
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }

    private static Condition where(DSLContext db, Selection selection) {
        if (selection instanceof Selection.OfUnit u) {
            // the unit and, when it is a kit, the events that packed units into it or took them out
            List<Long> ids = new ArrayList<>(db.select(UNIT.ID).from(UNIT).where(UNIT.PARENT_UNIT_ID.eq(u.unitId())).fetch(UNIT.ID));
            Condition own = CUSTODY_EVENT.UNIT_ID.eq(u.unitId());
            return ids.isEmpty() ? own : own.or(CUSTODY_EVENT.UNIT_ID.in(ids).and(CUSTODY_EVENT.PARENT_UNIT_ID.eq(u.unitId())));
        }
        if (selection instanceof Selection.OfLot l) {
            return UNIT.LOT_ID.in(DSL.select(LOT.ID).from(LOT).where(LOT.LOT_CODE.eq(l.lotCode())));
        }
        if (selection instanceof Selection.OfRecall r) {
            return dev.serialtrace.db.unit.RecallQuery.unitsIn(r.scope());   // over UNIT, PRODUCT, LOT as joined below
        }
        Selection.Between b = (Selection.Between) selection;
        ZoneId zone = ZoneId.systemDefault();
        return CUSTODY_EVENT.OCCURRED_AT.ge(b.from().atStartOfDay(zone).toOffsetDateTime())
                .and(CUSTODY_EVENT.OCCURRED_AT.lt(b.to().plusDays(1).atStartOfDay(zone).toOffsetDateTime()));
    }

    // the query's columns, in this order
    private static final int ID = 0, UNIT_ID = 1, OCCURRED_AT = 2, OCCURRED_ZONE = 3, RECORDED_AT = 4, BIZ_STEP = 5,
            DISPOSITION = 6, BIZ_TRANSACTIONS = 7, PARENT_UNIT_ID = 8, FROM_LOCATION_ID = 9, INTERNAL_ID = 10, SERIAL = 11,
            UNIT_GTIN = 12, UNIT_EXPIRY = 13, PRODUCT_GTIN = 14, PREFIX_LENGTH = 15, STORAGE_TEMP_MIN = 16, LOT_CODE = 17,
            LOT_EXPIRY = 18, FROM_PATH = 19, FROM_COLD = 20, FROM_GLN = 21, TO_PATH = 22, TO_GLN = 23, SOURCE_GLN = 24,
            SOURCE_NAME = 25, DESTINATION_GLN = 26, DESTINATION_NAME = 27, PARENT_INTERNAL_ID = 28, PARENT_SERIAL = 29,
            PARENT_GTIN = 30, PARENT_PRODUCT_GTIN = 31, PARENT_PREFIX_LENGTH = 32, FROM_GLN_PREFIX_LENGTH = 33,
            TO_GLN_PREFIX_LENGTH = 34, COLUMNS = 35;

    private static List<SelectField<?>> fields() {
        return List.of(CUSTODY_EVENT.ID, CUSTODY_EVENT.UNIT_ID, CUSTODY_EVENT.OCCURRED_AT,
                CUSTODY_EVENT.OCCURRED_ZONE, CUSTODY_EVENT.RECORDED_AT, CUSTODY_EVENT.BIZ_STEP, CUSTODY_EVENT.DISPOSITION,
                CUSTODY_EVENT.BIZ_TRANSACTIONS, CUSTODY_EVENT.PARENT_UNIT_ID, CUSTODY_EVENT.FROM_LOCATION_ID,
                UNIT.INTERNAL_ID, UNIT.SERIAL, UNIT.GTIN, UNIT.EXPIRY, PRODUCT.GTIN, PRODUCT.COMPANY_PREFIX_LENGTH,
                PRODUCT.STORAGE_TEMP_MIN, LOT.LOT_CODE, LOT.EXPIRY, FROM.PATH, FROM.IS_COLD, FROM_SITE_PARTY.GLN, TO.PATH,
                TO_SITE_PARTY.GLN, SOURCE.GLN, SOURCE.NAME, DESTINATION.GLN, DESTINATION.NAME, PARENT.INTERNAL_ID,
                PARENT.SERIAL, PARENT.GTIN, PARENT_PRODUCT.GTIN, PARENT_PRODUCT.COMPANY_PREFIX_LENGTH,
                FROM_SITE_PARTY.GLN_COMPANY_PREFIX_LENGTH, TO_SITE_PARTY.GLN_COMPANY_PREFIX_LENGTH);
    }

    private static final BizStep[] STEPS = BizStep.values();
    private static final Disposition[] DISPOSITIONS = Disposition.values();

    /** The EPCIS event of one custody event row (text values, as COPY gives them), its eventID the GS1 hash of its content. */
    private ObjectNode event(String[] r, Options options, String ownGln) {
        boolean digitalLink = options.digitalLink();
        BizStep step = BizStep.valueOf(r[BIZ_STEP]);
        Disposition disposition = Disposition.valueOf(r[DISPOSITION]);
        String gtin = r[UNIT_GTIN] != null ? r[UNIT_GTIN] : r[PRODUCT_GTIN];
        String epc = EpcUris.unit(gtin, shortOrNull(r[PREFIX_LENGTH]), r[SERIAL], r[INTERNAL_ID], digitalLink);
        boolean aggregation = AGGREGATION.contains(step) && r[PARENT_UNIT_ID] != null;

        ObjectNode e = EpcisEvents.MAPPER.createObjectNode();
        e.put("type", aggregation ? "AggregationEvent" : "ObjectEvent");
        OffsetDateTime at = CopyText.timestamp(r[OCCURRED_AT]);
        ZoneOffset offset = offset(r[OCCURRED_ZONE], at);
        e.put("eventTime", EpcisEvents.time(at.withOffsetSameInstant(offset)));
        e.put("recordTime", EpcisEvents.time(CopyText.timestamp(r[RECORDED_AT])));
        e.put("eventTimeZoneOffset", EpcisEvents.offset(offset));
        if (aggregation) {
            String parentGtin = r[PARENT_GTIN] != null ? r[PARENT_GTIN] : r[PARENT_PRODUCT_GTIN];
            e.put("parentID", EpcUris.unit(parentGtin, shortOrNull(r[PARENT_PREFIX_LENGTH]), r[PARENT_SERIAL],
                    r[PARENT_INTERNAL_ID], digitalLink));
            e.putArray("childEPCs").add(epc);
            e.put("action", step == BizStep.packing ? "ADD" : "DELETE");
        } else {
            e.putArray("epcList").add(epc);
            e.put("action", step == BizStep.commissioning ? "ADD"
                    : step == BizStep.decommissioning || step == BizStep.destroying ? "DELETE" : "OBSERVE");
        }
        e.put("bizStep", STEP_URIS[step.ordinal()]);
        e.put("disposition", DISPOSITION_URIS[disposition.ordinal()]);
        if (r[FROM_PATH] != null) {
            e.putObject("readPoint").put("id", EpcUris.location(r[FROM_GLN], shortOrNull(r[FROM_GLN_PREFIX_LENGTH]), r[FROM_PATH], digitalLink));
        }
        if (r[TO_PATH] != null) {
            e.putObject("bizLocation").put("id", EpcUris.location(r[TO_GLN], shortOrNull(r[TO_GLN_PREFIX_LENGTH]), r[TO_PATH], digitalLink));
        }
        String bizTransactions = r[BIZ_TRANSACTIONS];
        if (bizTransactions != null && !bizTransactions.equals("[]")) {
            JsonNode transactions = json(bizTransactions);
            if (transactions.size() > 0) {
                ArrayNode list = e.putArray("bizTransactionList");
                for (JsonNode t : transactions) {
                    list.addObject().put("type", Cbv.Vocabulary.BIZ_TRANSACTION_TYPE.uri(t.path("type").asText()))
                            .put("bizTransaction", BizTransactions.uri(ownGln, t.path("id").asText()));
                }
            }
        }
        if (r[SOURCE_NAME] != null) {
            e.putArray("sourceList").addObject().put("type", POSSESSING_PARTY)
                    .put("source", EpcUris.party(r[SOURCE_GLN], r[SOURCE_NAME]));
        }
        if (r[DESTINATION_NAME] != null) {
            e.putArray("destinationList").addObject().put("type", POSSESSING_PARTY)
                    .put("destination", EpcUris.party(r[DESTINATION_GLN], r[DESTINATION_NAME]));
        }
        String expiry = r[UNIT_EXPIRY] != null ? r[UNIT_EXPIRY] : r[LOT_EXPIRY];
        if (!aggregation && step == BizStep.commissioning && (r[LOT_CODE] != null || expiry != null)) {
            ObjectNode ilmd = e.putObject("ilmd");
            if (r[LOT_CODE] != null) {
                ilmd.put(EpcisEvents.LOT, r[LOT_CODE]);
            }
            if (expiry != null) {
                ilmd.put(EpcisEvents.EXPIRY, expiry);
            }
        }
        if (options.sensorData() && CopyText.bool(r[FROM_COLD]) && r[STORAGE_TEMP_MIN] != null) {
            SensorSummary.of(dsl, Long.valueOf(r[FROM_LOCATION_ID]), Long.valueOf(r[UNIT_ID]), at)
                    .ifPresent(reading -> e.putArray("sensorElementList").add(reading));
        }
        e.put("eventID", EventHash.of(e));
        return e;
    }

    private static final String POSSESSING_PARTY = Cbv.Vocabulary.SOURCE_DESTINATION_TYPE.uri("possessing_party");
    private static final String[] STEP_URIS = java.util.Arrays.stream(STEPS).map(Cbv::uri).toArray(String[]::new);
    private static final String[] DISPOSITION_URIS = java.util.Arrays.stream(DISPOSITIONS).map(Cbv::uri).toArray(String[]::new);

    private static Short shortOrNull(String s) {
        return s == null ? null : Short.valueOf(s);
    }

    private static final java.util.Map<String, ZoneId> ZONES = new java.util.concurrent.ConcurrentHashMap<>();

    private static ZoneOffset offset(String zone, OffsetDateTime at) {
        try {
            return ZONES.computeIfAbsent(zone, ZoneId::of).getRules().getOffset(at.toInstant());
        } catch (RuntimeException unknownZone) {
            return ZoneOffset.UTC;
        }
    }

    private static JsonNode json(String text) {
        try {
            return EpcisEvents.MAPPER.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
