package dev.serialtrace.db.integrity;

import dev.serialtrace.db.jooq.Routines;
import dev.serialtrace.db.jooq.tables.CustodyAnchorBreaks;
import dev.serialtrace.db.jooq.tables.CustodyChainBreaks;
import dev.serialtrace.db.jooq.tables.records.CustodyAnchorRecord;
import org.jooq.DSLContext;
import org.jooq.Record2;
import org.jooq.impl.DSL;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;

import static dev.serialtrace.db.jooq.Tables.CUSTODY_ANCHOR;
import static dev.serialtrace.db.jooq.Tables.CUSTODY_ANCHOR_BREAKS;
import static dev.serialtrace.db.jooq.Tables.CUSTODY_CHAIN_BREAKS;
import static dev.serialtrace.db.jooq.Tables.UNIT;

/**
 * Recomputes custody hash chains from the events as they are now and reports every break
 * (the database function {@code custody_chain_breaks}); {@link #verifyAll} also checks every anchor.
 * All units are checked range by range, so progress shows and memory stays flat at any scale.
 */
public final class ChainVerifier {
    /** Units per database call of a full verification. */
    public static final int UNITS_PER_RANGE = 50_000;

    @FunctionalInterface
    public interface Progress {
        void update(long unitsDone, long unitsTotal);
    }

    private final DSLContext dsl;

    public ChainVerifier(DSLContext dsl) {
        this.dsl = dsl;
    }

    public VerificationReport verifyUnit(long unitId) {
        long started = System.nanoTime();
        List<ChainBreak> breaks = unitBreaks(unitId, unitId);
        long events = dsl.select(UNIT.EVENT_COUNT).from(UNIT).where(UNIT.ID.eq(unitId)).fetchOptional(UNIT.EVENT_COUNT)
                .orElseThrow(() -> new IllegalArgumentException("no unit with id " + unitId));
        return new VerificationReport("unit " + unitId, 1, events, 0, breaks, newestAnchor(),
                Duration.ofNanos(System.nanoTime() - started));
    }

    public VerificationReport verifyAll(Progress progress) {
        long started = System.nanoTime();
        Record2<Long, Long> bounds = dsl.select(DSL.min(UNIT.ID), DSL.max(UNIT.ID)).from(UNIT).fetchOne();
        long units = dsl.fetchCount(UNIT);
        long events = dsl.select(DSL.coalesce(DSL.sum(UNIT.EVENT_COUNT), DSL.inline(java.math.BigDecimal.ZERO)))
                .from(UNIT).fetchOne(0, Long.class);
        List<ChainBreak> breaks = new ArrayList<>();
        if (bounds != null && bounds.value1() != null) {
            long first = bounds.value1();
            long last = bounds.value2();
            for (long from = first; from <= last; from += UNITS_PER_RANGE) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new CancellationException("verification cancelled");
                }
                long to = Math.min(last, from + UNITS_PER_RANGE - 1);
                breaks.addAll(unitBreaks(from, to));
                progress.update(Math.min(units, Math.round((double) (to - first + 1) / (last - first + 1) * units)), units);
            }
        }
        breaks.addAll(anchorBreaks());
        int anchors = dsl.fetchCount(CUSTODY_ANCHOR);
        return new VerificationReport("all units", units, events, anchors, breaks, newestAnchor(),
                Duration.ofNanos(System.nanoTime() - started));
    }

    /** Anchors every link written since the last anchor (compliance and admin may). */
    public Anchor anchor() {
        return toAnchor(Routines.anchorCustodyChain(dsl.configuration()));
    }

    public Optional<Anchor> newestAnchor() {
        return dsl.selectFrom(CUSTODY_ANCHOR).orderBy(CUSTODY_ANCHOR.ID.desc()).limit(1)
                .fetchOptional(ChainVerifier::toAnchor);
    }

    private List<ChainBreak> unitBreaks(long first, long last) {
        CustodyChainBreaks b = CUSTODY_CHAIN_BREAKS.call(first, last);
        return dsl.select(b.UNIT_ID, UNIT.INTERNAL_ID, b.EVENT_ID, b.CHAIN_SEQ, b.KIND, b.DETAIL)
                .from(b).leftJoin(UNIT).on(UNIT.ID.eq(b.UNIT_ID))
                .fetch(r -> new ChainBreak(r.value1(), r.value2(), r.value3(), r.value4(), BreakKind.of(r.value5()),
                        r.value6(), null));
    }

    private List<ChainBreak> anchorBreaks() {
        CustodyAnchorBreaks a = CUSTODY_ANCHOR_BREAKS.call();
        return dsl.selectFrom(a).fetch(r -> new ChainBreak(null, null, null, null,
                BreakKind.of(r.get(a.KIND)), r.get(a.DETAIL), r.get(a.ANCHOR_ID)));
    }

    private static Anchor toAnchor(CustodyAnchorRecord r) {
        return new Anchor(r.getId(), r.getAnchoredAt(), r.getAnchoredBy(), r.getUpToEventId(), r.getLinkCount(), r.getDigest());
    }
}
