package dev.serialtrace.db.audit;

import dev.serialtrace.core.identify.ParserOptions;
import dev.serialtrace.core.identify.ScanParser;
import dev.serialtrace.core.lifecycle.BizStep;
import dev.serialtrace.core.lifecycle.Disposition;
import dev.serialtrace.db.capture.CaptureExceptionQueue;
import dev.serialtrace.db.capture.CaptureExceptionRow;
import dev.serialtrace.db.testing.TestDatabase;
import dev.serialtrace.db.unit.UnitFixture;
import dev.serialtrace.db.access.GroupRole;
import dev.serialtrace.db.testing.TestPeople;
import dev.serialtrace.db.unit.UnitLookup;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static dev.serialtrace.db.jooq.Tables.AUDIT_SCAN;
import static dev.serialtrace.db.jooq.Tables.CAPTURE_EXCEPTION;
import static dev.serialtrace.db.jooq.Tables.CUSTODY_EVENT;
import static dev.serialtrace.db.jooq.Tables.STOCK;
import static dev.serialtrace.db.jooq.Tables.UNIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuditCommandsTest {
    private javax.sql.DataSource owner;
    private DSLContext dsl;
    private AuditFixture w;
    private AuditPlanning planning;
    private AuditCommands audits;
    private UnitLookup lookup;
    private final List<AuditScan> scans = new ArrayList<>();

    @BeforeEach
    void setUp() {
        owner = TestDatabase.fresh();
        dsl = DSL.using(owner, SQLDialect.POSTGRES);
        w = new AuditFixture(dsl);
        planning = new AuditPlanning(dsl);
        audits = new AuditCommands(dsl);
        lookup = new UnitLookup(dsl, ParserOptions.defaults(Clock.systemUTC()));
    }

    @Test
    void planningShowsTheSubtreeWithUnitsLastCountedAndDue() {
        List<LocationToCount> locations = planning.locationsUnder("NL/A", null, null, OffsetDateTime.now());
        assertThat(locations).extracting(LocationToCount::path).containsExactly("NL/A/S1", "NL/A/S2");
        assertThat(locations).extracting(LocationToCount::units).containsExactly(5, 3);   // the shipped TV left S2
        assertThat(locations).allMatch(l -> l.due() && l.lastCountedAt() == null);

        runAudit(List.of(w.s1));
        audits.close(auditIdOf());
        LocationToCount s1 = planning.locationsUnder("NL/A", null, null, OffsetDateTime.now()).get(0);
        assertThat(s1.lastCountedAt()).isNotNull();
        assertThat(s1.due()).isFalse();
        assertThat(planning.locationsUnder("NL/A", null, null, OffsetDateTime.now()).get(1).due()).isTrue();
    }

    @Test
    void twoOpenAuditsOfOverlappingScopeAreRefused() {
        planning.plan(new AuditScope("NL/A", null, null, "subtree", List.of(w.s1, w.s2)), "carol");
        assertThatThrownBy(() -> planning.plan(new AuditScope("NL/A/S2", null, null, "subtree", List.of(w.s2)), "dave"))
                .isInstanceOf(OverlappingAuditException.class)
                .hasMessageContaining("carol").hasMessageContaining("1 of these locations");
        // a disjoint scope is fine
        assertThat(planning.plan(new AuditScope("NL/B", null, null, "subtree", List.of(w.s9)), "dave")).isPositive();
    }

    @Test
    void samplesPickFromTheSubtree() {
        List<LocationToCount> all = planning.locationsUnder("NL", null, null, OffsetDateTime.now());
        assertThat(AuditPlanning.randomSample(all, 2, 7)).hasSize(2).allMatch(all::contains);
        // the empty dock weighs little next to shelves holding units: over many draws it is rarely picked
        int dockPicked = 0;
        for (int seed = 0; seed < 200; seed++) {
            if (AuditPlanning.riskWeightedSample(all, 1, seed).get(0).path().equals("NL/DOCK")) {
                dockPicked++;
            }
        }
        assertThat(dockPicked).isLessThan(40);
    }

    private long auditId;

    private long auditIdOf() {
        return auditId;
    }

    private AuditClassifier runAudit(List<Long> locations) {
        auditId = planning.plan(new AuditScope("NL/A", null, null, "subtree", locations), "carol");
        AuditSnapshot snapshot = audits.start(auditId);
        return new AuditClassifier(snapshot, new ScanParser(ParserOptions.defaults(Clock.systemUTC())), lookup);
    }

    private Classification scan(AuditClassifier c, String raw, long location) {
        int seq = scans.size() + 1;
        Classification result = c.classify(raw, location, seq);
        AuditScan s = new AuditScan(auditId, UUID.randomUUID(), seq, OffsetDateTime.now(), location, raw, false, null,
                result.unitId(), result.kind(), result.detail());
        assertThat(audits.recordScan(s)).isTrue();
        scans.add(s);
        return result;
    }

    @Test
    void everyScanIsClassifiedAndClosingFindsTheMissingButNotWhatMovedDuringTheAudit() {
        AuditClassifier c = runAudit(List.of(w.s1, w.s2));
        assertThat(c.expectedCount()).isEqualTo(8);
        // recorded during the audit: the mover leaves for S9
        w.record(w.mover, OffsetDateTime.now().plusSeconds(1), BizStep.picking, Disposition.in_progress, w.s1, w.s9, null);

        assertThat(scan(c, "TVA-1001", w.s1).kind()).isEqualTo(ScanClass.MATCHED);
        Classification dup = scan(c, "tva-1001", w.s1);
        assertThat(dup.kind()).isEqualTo(ScanClass.DUPLICATE);
        assertThat(dup.detail()).contains("#1");
        Classification kit = scan(c, "KIT-0001", w.s2);
        assertThat(kit.kind()).isEqualTo(ScanClass.MATCHED);
        assertThat(kit.kitChildren()).isEqualTo(1);
        Classification stray = scan(c, "TVA-9009", w.s1);
        assertThat(stray.kind()).isEqualTo(ScanClass.WRONG_LOCATION);
        assertThat(stray.detail()).contains("NL/B/S9");
        Classification shipped = scan(c, "TVA-7007", w.s2);
        assertThat(shipped.kind()).isEqualTo(ScanClass.STATUS_CONFLICT);
        assertThat(shipped.detail()).contains("in transit").contains("shipping");
        Classification typo = scan(c, "TVA-1OO2", w.s1);   // O for 0, twice
        assertThat(typo.kind()).isEqualTo(ScanClass.UNKNOWN);
        assertThat(typo.didYouMean()).as("the verdict does not wait for near matches").isEmpty();
        int unexpectedBefore = c.unexpectedCount();
        Classification nearMatches = c.nearMatches("TVA-1OO2");
        assertThat(nearMatches.kind()).isEqualTo(ScanClass.UNKNOWN);
        assertThat(nearMatches.didYouMean()).extracting(s -> s.unit().serial()).contains("TVA-1002");
        assertThat(nearMatches.detail()).contains("did you mean TVA-1002");
        assertThat(c.unexpectedCount()).as("near matches count nothing again").isEqualTo(unexpectedBefore);
        Classification invalid = scan(c, "]C1ABC", w.s1);
        assertThat(invalid.kind()).isEqualTo(ScanClass.INVALID);
        assertThat(invalid.detail()).isNotBlank();
        // GS1 with a variable-length lot ended by GS, then the serial
        Classification gs1 = scan(c, "]d201" + UnitFixture.TV_GTIN + "10LOT7\u001d21TVA-1003", w.s1);
        assertThat(gs1.kind()).isEqualTo(ScanClass.MATCHED);
        assertThat(gs1.unitId()).isEqualTo(w.tv3);
        Classification misplaced = scan(c, w.data.internalId(w.tv4), w.s2);   // on S2, recorded on S1
        assertThat(misplaced.kind()).isEqualTo(ScanClass.WRONG_LOCATION);
        assertThat(misplaced.detail()).contains("NL/A/S1");
        assertThat(scan(c, "TVA-1002", w.s1).kind()).isEqualTo(ScanClass.MATCHED);

        assertThat(c.foundCount()).isEqualTo(6);   // tv1, kit, child, tv3, tv4, tv2
        assertThat(c.unexpectedCount()).isEqualTo(4);   // stray, shipped, typo, misplaced tv4

        // a replay of the whole journal stores nothing twice
        for (AuditScan s : scans) {
            assertThat(audits.recordScan(s)).isFalse();
        }
        assertThat(dsl.fetchCount(AUDIT_SCAN, AUDIT_SCAN.AUDIT_ID.eq(auditId))).isEqualTo(scans.size());

        List<Discrepancy> d = audits.close(auditId);
        assertThat(d).filteredOn(x -> x.kind().equals("missing")).extracting(Discrepancy::unitId)
                .containsExactly(w.pump5);   // the mover left by a recorded event; the kit child came with its kit
        assertThat(d).filteredOn(x -> x.kind().equals("wrong_location")).extracting(Discrepancy::unitId)
                .containsExactlyInAnyOrder(w.stray, w.tv4);
        assertThat(d).filteredOn(x -> x.kind().equals("status_conflict")).extracting(Discrepancy::unitId).containsExactly(w.shipped);
        assertThat(d).filteredOn(x -> x.kind().equals("unknown")).extracting(Discrepancy::scanRaw).containsExactly("TVA-1OO2");
        var header = audits.audit(auditId);
        assertThat(header.getExpectedCount()).isEqualTo(8);
        assertThat(header.getMissingCount()).isEqualTo(1);
        assertThat(header.getFoundCount()).isEqualTo(6);
        assertThat(header.getUnexpectedCount()).isEqualTo(4);
        assertThat(audits.history(w.s1, null, 10)).singleElement().satisfies(h -> assertThat(h.accuracy()).isEqualTo(0.5));
        assertThat(audits.history(null, "dave", 10)).isEmpty();

        // capture exceptions raised by the scans
        assertThat(new CaptureExceptionQueue(dsl).openCounts().get(CaptureExceptionQueue.Kind.UNKNOWN_SERIAL)).isEqualTo(1);
        assertThat(new CaptureExceptionQueue(dsl).openCounts().get(CaptureExceptionQueue.Kind.INVALID_FORMAT)).isEqualTo(1);
        assertThat(new CaptureExceptionQueue(dsl).openCounts().get(CaptureExceptionQueue.Kind.DUPLICATE)).isEqualTo(1);
    }

    @Test
    void resolutionsAreCycleCountingEventsAndChangeTheContentHash() {
        AuditClassifier c = runAudit(List.of(w.s1, w.s2));
        for (String serial : List.of("TVA-1001", "TVA-1002", "TVA-1003", "TVA-1004", "TVA-1005", "KIT-0001")) {
            scan(c, serial, w.s1 == w.s1 ? (serial.startsWith("KIT") ? w.s2 : w.s1) : 0);
        }
        scan(c, "TVA-9009", w.s1);
        scan(c, "NOPE-4242", w.s1);
        List<Discrepancy> d = audits.close(auditId);
        byte[] closedHash = audits.contentHash(auditId);
        assertThat(audits.contentHash(auditId)).isEqualTo(closedHash);

        Discrepancy missing = d.stream().filter(x -> x.kind().equals("missing")).findFirst().orElseThrow();
        Discrepancy stray = d.stream().filter(x -> x.kind().equals("wrong_location")).findFirst().orElseThrow();
        Discrepancy unknown = d.stream().filter(x -> x.kind().equals("unknown")).findFirst().orElseThrow();
        long events = dsl.fetchCount(CUSTODY_EVENT);

        Long moved = audits.resolve(stray.id(), Resolution.MOVE_RECORD, "found on S1; record moved", "carol", OffsetDateTime.now());
        assertThat(dsl.select(UNIT.LOCATION_ID).from(UNIT).where(UNIT.ID.eq(w.stray)).fetchOne().value1()).isEqualTo(w.s1);
        assertThat(dsl.select(CUSTODY_EVENT.BIZ_STEP).from(CUSTODY_EVENT).where(CUSTODY_EVENT.ID.eq(moved)).fetchOne().value1().getLiteral())
                .isEqualTo("cycle_counting");
        audits.resolve(missing.id(), Resolution.MARK_LOST, "not found after search", "carol", OffsetDateTime.now());
        assertThat(dsl.select(UNIT.STATUS).from(UNIT).where(UNIT.ID.eq(missing.unitId())).fetchOne().value1().getLiteral())
                .isEqualTo("unknown");
        assertThatThrownBy(() -> audits.resolve(unknown.id(), Resolution.MOVE_RECORD, "x", "carol", OffsetDateTime.now()))
                .hasMessageContaining("no record to move");
        assertThat(audits.resolve(unknown.id(), Resolution.RECOUNT, "misread; rescanned", "carol", OffsetDateTime.now())).isNull();
        assertThatThrownBy(() -> audits.resolve(missing.id(), Resolution.RECOUNT, "again", "carol", OffsetDateTime.now()))
                .hasMessageContaining("already resolved");
        assertThatThrownBy(() -> audits.resolve(stray.id(), Resolution.RECOUNT, " ", "carol", OffsetDateTime.now()))
                .hasMessageContaining("reason");

        assertThat(dsl.fetchCount(CUSTODY_EVENT)).isEqualTo(events + 2);   // events, never edits
        assertThat(audits.contentHash(auditId)).isNotEqualTo(closedHash);
        assertThat(audits.discrepancies(auditId)).allMatch(Discrepancy::resolved);
    }

    @Test
    void theExceptionQueueMatchesCreatesAndRejectsWithEvents() {
        AuditClassifier c = runAudit(List.of(w.s1));
        scan(c, "TVA-1OO2", w.s1);
        scan(c, "NEW-SERIAL-1", w.s1);
        scan(c, "]C1ABC", w.s1);
        CaptureExceptionQueue queue = new CaptureExceptionQueue(dsl);
        List<CaptureExceptionRow> open = queue.list(new CaptureExceptionQueue.Filter(CaptureExceptionQueue.Kind.UNKNOWN_SERIAL,
                CaptureExceptionQueue.Status.OPEN, null, null), 50);
        assertThat(open).extracting(CaptureExceptionRow::rawInput).containsExactlyInAnyOrder("TVA-1OO2", "NEW-SERIAL-1");
        CaptureExceptionRow typo = open.stream().filter(r -> r.rawInput().equals("TVA-1OO2")).findFirst().orElseThrow();
        CaptureExceptionRow fresh = open.stream().filter(r -> r.rawInput().equals("NEW-SERIAL-1")).findFirst().orElseThrow();

        long event = queue.match(typo.id(), w.tv2, "O read for 0", OffsetDateTime.now());
        assertThat(dsl.select(CUSTODY_EVENT.UNIT_ID, CUSTODY_EVENT.RAW_SCAN).from(CUSTODY_EVENT).where(CUSTODY_EVENT.ID.eq(event))
                .fetchOne().value2()).isEqualTo("TVA-1OO2");
        long created = queue.create(fresh.id(), w.data.tv, "NEW-SERIAL-1", "real unit, label never registered", OffsetDateTime.now());
        assertThat(dsl.select(UNIT.HISTORY_KNOWN_FROM).from(UNIT).where(UNIT.ID.eq(created)).fetchOne().value1()).isNotNull();
        assertThat(lookup.lookup("NEW-SERIAL-1")).isInstanceOf(dev.serialtrace.db.unit.LookupResult.Found.class);
        CaptureExceptionRow invalid = queue.list(new CaptureExceptionQueue.Filter(CaptureExceptionQueue.Kind.INVALID_FORMAT,
                null, null, null), 10).get(0);
        queue.reject(invalid.id(), "test label", OffsetDateTime.now());
        assertThatThrownBy(() -> queue.reject(invalid.id(), "again", OffsetDateTime.now())).hasMessageContaining("already resolved");
        assertThat(queue.openCounts().values().stream().mapToInt(Integer::intValue).sum()).isZero();
        assertThat(dsl.fetchCount(CAPTURE_EXCEPTION, CAPTURE_EXCEPTION.STATUS.eq(dev.serialtrace.db.jooq.enums.CaptureExceptionStatus.rejected))).isEqualTo(1);
    }

    @Test
    void retrofittingTurnsUntrackedStockIntoUnitsWhoseEarlierHistoryIsUnknown() {
        StockRetrofit retrofit = new StockRetrofit(dsl);
        assertThat(retrofit.untrackedAt(List.of(w.s1, w.s2))).singleElement()
                .satisfies(s -> assertThat(s.quantity()).isEqualTo(3));
        OffsetDateTime at = OffsetDateTime.now();
        long unit = retrofit.capture(w.stock, "PMP-9901", true, "PMP-9901", null, at);
        var u = dsl.selectFrom(UNIT).where(UNIT.ID.eq(unit)).fetchOne();
        assertThat(u.getStockId()).isEqualTo(w.stock);
        assertThat(u.getHistoryKnownFrom()).isNotNull();
        assertThat(u.getLocationId()).isEqualTo(w.s1);
        assertThat(u.getLastBizStep().getLiteral()).isEqualTo("cycle_counting");
        assertThat(dsl.select(STOCK.QUANTITY).from(STOCK).where(STOCK.ID.eq(w.stock)).fetchOne().value1()).isEqualTo(2);
        retrofit.capture(w.stock, "PMP-9902", true, "PMP-9902", null, at);
        retrofit.capture(w.stock, "PMP-9903", false, "PMP-9903", "label torn", at);
        assertThatThrownBy(() -> retrofit.capture(w.stock, "PMP-9904", true, "PMP-9904", null, at))
                .hasMessageContaining("no untracked quantity");
        assertThat(dsl.fetchCount(UNIT, UNIT.SERIAL.eq("PMP-9904"))).isZero();   // nothing half-written
    }

    @Test
    void aSupervisorRetrofitsWithTheirOwnRightsAndIsTheActor() {
        TestPeople.TestPerson sam = TestPeople.add(owner, "Sam", GroupRole.SUPERVISOR);
        StockRetrofit retrofit = new StockRetrofit(DSL.using(sam.dataSource(), SQLDialect.POSTGRES));
        long unit = retrofit.capture(w.stock, "PMP-9911", true, "PMP-9911", null, OffsetDateTime.now());
        assertThat(dsl.select(CUSTODY_EVENT.ACTOR).from(CUSTODY_EVENT).where(CUSTODY_EVENT.UNIT_ID.eq(unit)).fetch(CUSTODY_EVENT.ACTOR))
                .containsExactly(sam.login());
        assertThat(dsl.select(STOCK.QUANTITY).from(STOCK).where(STOCK.ID.eq(w.stock)).fetchOne().value1()).isEqualTo(2);
        // the lock right is not a right to change state
        assertThatThrownBy(() -> DSL.using(sam.dataSource(), SQLDialect.POSTGRES).update(UNIT).set(UNIT.EVENT_COUNT, 0)
                .where(UNIT.ID.eq(unit)).execute()).hasMessageContaining("changes only by recording a custody event");
    }
}
