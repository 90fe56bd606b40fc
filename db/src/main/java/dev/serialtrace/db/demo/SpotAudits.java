package dev.serialtrace.db.demo;

import dev.serialtrace.core.lifecycle.BizStep;
import dev.serialtrace.core.lifecycle.Disposition;
import org.postgresql.copy.CopyManager;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Weekly past spot audits (4 to 8 per site) of two shelves each. The expected serials are what the history says
 * was on those shelves at audit time (read back from the loaded events), so the audit agrees with
 * the chain of custody; discrepancies are resolved, some by a cycle-counting event, and signed.
 */
final class SpotAudits {
    /** Units whose latest arrival at the shelves before the audit was not followed by another move. */
    private static final String EXPECTED_AT = """
            with arrival as (
              select distinct on (e.unit_id) e.unit_id, e.to_location_id, e.occurred_at, e.id
              from custody_event e
              where e.to_location_id = any(?) and e.occurred_at <= ?
              order by e.unit_id, e.occurred_at desc, e.id desc)
            select a.unit_id, a.to_location_id, u.serial, u.last_event_at <= ? as untouched_since
            from arrival a join unit u on u.id = a.unit_id
            -- lateral + limit keeps this a per-unit probe of the few partitions in between; as a
            -- plain "not exists" the planner may prefer an anti join over the whole history
            cross join lateral (select count(*) as moves from (
                                  select 1 from custody_event later
                                  where later.unit_id = a.unit_id and later.occurred_at >= a.occurred_at
                                    and later.occurred_at <= ? and (later.occurred_at, later.id) > (a.occurred_at, a.id)
                                    and (later.from_location_id is not null or later.to_location_id is not null)
                                  limit 1) m) moved_away
            where moved_away.moves = 0
            order by a.unit_id""";

    private record Expected(long unitId, long location, String serial, boolean untouchedSince) {}

    private final Connection connection;
    private final MasterData master;
    private final Batch.Ids ids;
    private final SplittableRandom random;
    private final Batch resolutions;
    private final Set<Long> alreadyResolved = new HashSet<>();   // membership only, never iterated
    private final CopyBuffer audits = new CopyBuffer("spot_audit", "id, code, site_id, scope, auditor, status, "
            + "planned_at, started_at, closed_at, expected_count, found_count, missing_count, unexpected_count");
    private final CopyBuffer expected = new CopyBuffer("audit_expected", "audit_id, unit_id, location_id");
    private final CopyBuffer scans = new CopyBuffer("audit_scan", "id, audit_id, client_scan_id, seq, scanned_at, "
            + "location_id, raw_input, capture_method, manual_reason, unit_id, classification, detail");
    private final CopyBuffer discrepancies = new CopyBuffer("audit_discrepancy", "id, audit_id, kind, unit_id, scan_id, "
            + "location_id, resolution, resolution_reason, resolved_by, resolved_at, resolution_event_id");
    private final CopyBuffer signatures = new CopyBuffer("signature", "id, subject_type, subject_id, signer, "
            + "printed_name, meaning, signed_at, content_hash");
    private long auditId;
    private long scanId;
    private long discrepancyId;
    private long signatureId;

    SpotAudits(Connection connection, MasterData master, Batch.Ids ids, long seed) {
        this.connection = connection;
        this.master = master;
        this.ids = ids;
        this.random = new SplittableRandom(seed ^ 0x61756469L);
        this.resolutions = new Batch(ids, random, master.historyStartDay, (master.lastDay + 1) * 86_400 - 1);
    }

    void run(CopyManager copy) throws SQLException {
        int perSite = (int) Math.max(4, Math.min(8, ids.unit / 50_000));
        for (int week = perSite; week >= 1; week--) {
            for (MasterData.Site site : master.sites) {
                long day = master.lastDay - 7L * week + random.nextInt(3);
                if (day > master.historyStartDay + 30) {
                    audit(site, day, week == 1);
                }
            }
        }
        for (CopyBuffer b : List.of(audits, expected, scans)) {
            b.copyTo(copy);
        }
        resolutions.copyEvents(copy);
        discrepancies.copyTo(copy);
        signatures.copyTo(copy);
    }

    private void audit(MasterData.Site site, long day, boolean latest) throws SQLException {
        long id = ++auditId;
        int bay = random.nextInt(site.bays.size());
        long shelfA = site.general.get(bay * 4 + random.nextInt(2));
        long shelfB = shelfA + 1;
        long startedAt = day * 86_400 + (8 - site.utcOffsetHours) * 3600L + random.nextInt(3600);
        List<Expected> snapshot = expectedAt(new Long[]{shelfA, shelfB}, startedAt);
        String supervisor = Batch.supervisor(site);
        long t = startedAt;
        int seq = 0;
        int found = 0;
        int missing = 0;
        int unexpected = 0;
        List<long[]> missingUnits = new ArrayList<>();
        for (Expected e : snapshot) {
            expected.num(id).num(e.unitId).num(e.location).endRow();
            if (random.nextInt(1000) < 8) {
                missing++;
                missingUnits.add(new long[]{e.unitId, e.location, e.untouchedSince ? 1 : 0});
                continue;
            }
            t += 2 + random.nextInt(6);
            boolean manual = random.nextInt(100) < 2;
            scan(id, ++seq, t, e.location, e.serial, manual, e.unitId, "matched", null);
            found++;
            if (random.nextInt(100) == 0) {
                t += 1;
                scan(id, ++seq, t, e.location, e.serial, false, e.unitId, "duplicate", "already scanned in this audit");
            }
        }
        boolean resolved = !latest;
        long resolvedAt = t + 3600 + random.nextInt(3 * 3600);
        for (long[] m : missingUnits) {
            MissingResolution r = missingResolution(site, m, resolvedAt, resolved);
            discrepancy(id, "missing", m[0], 0, m[1], resolved ? r.resolution : null, r.reason, supervisor, resolvedAt, r.eventId);
        }
        // a unit that the records put on another shelf
        Expected stray = strayUnit(site, shelfA, shelfB, startedAt);
        if (stray != null) {
            t += 5;
            long scan = scan(id, ++seq, t, shelfA, stray.serial, false, stray.unitId, "wrong_location",
                    "recorded at another location");
            long event = 0;
            if (resolved && alreadyResolved.add(stray.unitId)) {
                event = resolutionEvent(site, stray.unitId, stray.serial, stray.location, shelfA, Disposition.sellable_accessible, resolvedAt);
            }
            discrepancy(id, "wrong_location", stray.unitId, scan, shelfA, resolved ? "move_record" : null,
                    "found on the audited shelf; record moved", supervisor, resolvedAt, event);
            unexpected++;
        }
        if (random.nextBoolean()) {
            Expected shipped = shippedUnit(site, startedAt);
            if (shipped != null) {
                t += 5;
                long scan = scan(id, ++seq, t, shelfB, shipped.serial, false, shipped.unitId, "status_conflict",
                        "recorded as delivered to a customer");
                discrepancy(id, "status_conflict", shipped.unitId, scan, shelfB, resolved ? "escalate" : null,
                        "escalated to quality: possible unrecorded return", supervisor, resolvedAt, 0);
                unexpected++;
            }
        }
        if (!snapshot.isEmpty()) {
            Expected any = snapshot.get(random.nextInt(snapshot.size()));
            String typo = Identifiers.confusableTypo(any.serial, random);
            if (typo != null) {
                t += 4;
                long scan = scan(id, ++seq, t, any.location, typo, true, 0, "unknown", "did you mean " + any.serial + "?");
                discrepancy(id, "unknown", 0, scan, any.location, resolved ? "recount" : null,
                        "typing error; rescanned as " + any.serial, supervisor, resolvedAt, 0);
                unexpected++;
            }
        }
        if (random.nextInt(3) == 0) {
            t += 3;
            scan(id, ++seq, t, shelfA, "]C1" + (100000 + random.nextInt(900000)), false, 0, "invalid", "fails every format rule");
        }
        String code = String.format("SA-%s-%04d", site.code, id);
        String scope = "{\"locations\":[" + shelfA + "," + shelfB + "],\"sample\":\"bay shelves\"}";
        audits.num(id).text(code).num(site.id).text(scope).text(supervisor).text(latest ? "closed" : "signed")
                .time(startedAt - 86_400).time(startedAt).time(t + 600).num(snapshot.size()).num(found).num(missing)
                .num(unexpected).endRow();
        if (!latest) {
            String content = code + "|" + snapshot.size() + "|" + found + "|" + missing + "|" + unexpected;
            sign(id, supervisor, site.id == 1 ? "Carol Wright" : "Eva van den Berg", "performed", resolvedAt + 600, content);
            sign(id, site.staffPrefix + ".compliance", site.id == 1 ? "Martin Hughes" : "Sanne de Groot", "approved",
                    resolvedAt + 86_400, content);
        }
    }

    private record MissingResolution(String resolution, String reason, long eventId) {}

    private MissingResolution missingResolution(MasterData.Site site, long[] m, long at, boolean resolved) {
        if (m[2] == 1 && resolved && alreadyResolved.add(m[0])) {
            long event = resolutionEvent(site, m[0], null, m[1], 0, Disposition.unknown, at);
            return new MissingResolution("mark_lost", "not found after search; marked lost", event);
        }
        return new MissingResolution("recount", "found on recount in the next bay", 0);
    }

    private long resolutionEvent(MasterData.Site site, long unitId, String serial, long from, long to,
                                 Disposition disposition, long at) {
        Batch.Track u = new Batch.Track(unitId, serial == null ? "" : serial, null, site);
        u.lastStep = BizStep.storing;
        u.lastDisposition = Disposition.sellable_accessible;
        return resolutions.event(u, BizStep.cycle_counting, disposition, at, from, to, 0, 0, 0, "[]", null);
    }

    private long scan(long audit, int seq, long at, long location, String raw, boolean manual, long unitId,
                      String classification, String detail) {
        long id = ++scanId;
        scans.num(id).num(audit).text(String.format("%08x-0000-4000-8000-%012x", audit, id)).num(seq).time(at)
                .num(location).text(raw).text(manual ? "manual" : "scan").text(manual ? "label faded" : null)
                .id(unitId).text(classification).text(detail).endRow();
        return id;
    }

    private void discrepancy(long audit, String kind, long unitId, long scan, long location, String resolution,
                             String reason, String by, long at, long eventId) {
        discrepancies.num(++discrepancyId).num(audit).text(kind).id(unitId).id(scan).num(location).text(resolution)
                .text(resolution == null ? null : reason).text(resolution == null ? null : by);
        if (resolution == null) {
            discrepancies.nul();
        } else {
            discrepancies.time(at);
        }
        discrepancies.id(eventId).endRow();
    }

    private void sign(long audit, String signer, String name, String meaning, long at, String content) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
            signatures.num(++signatureId).text("spot_audit").num(audit).text(signer).text(name).text(meaning).time(at)
                    .text("\\x" + HexFormat.of().formatHex(hash)).endRow();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Expected> expectedAt(Long[] shelves, long at) throws SQLException {
        List<Expected> out = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(EXPECTED_AT)) {
            Array locations = connection.createArrayOf("bigint", shelves);
            OffsetDateTime ts = utc(at);
            ps.setArray(1, locations);
            ps.setObject(2, ts);
            ps.setObject(3, ts);
            ps.setObject(4, ts);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Expected(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getBoolean(4)));
                }
            }
        }
        return out;
    }

    private Expected strayUnit(MasterData.Site site, long shelfA, long shelfB, long at) throws SQLException {
        long other = site.general.get(random.nextInt(site.general.size()));
        if (other == shelfA || other == shelfB) {
            return null;
        }
        return one("select id, location_id, serial from unit where location_id = ? and last_event_at < ? "
                + "order by id + 0 limit 1", other, at);   // + 0: find by location, then sort the few
    }

    private Expected shippedUnit(MasterData.Site site, long at) throws SQLException {
        return one("select u.id, 0, u.serial from shipment s join shipment_unit su on su.shipment_id = s.id "
                + "join unit u on u.id = su.unit_id where s.site_id = ? and u.status = 'retail_sold' "
                + "and u.last_event_at < ? order by s.id, u.id limit 1 offset " + random.nextInt(50), site.id, at);
    }

    private static OffsetDateTime utc(long epochSecond) {
        return OffsetDateTime.ofInstant(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC);
    }

    private Expected one(String sql, long key, long at) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setLong(1, key);
            ps.setObject(2, utc(at));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new Expected(rs.getLong(1), rs.getLong(2), rs.getString(3), true) : null;
            }
        }
    }
}
