package dev.serialtrace.db.timing;

import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import static dev.serialtrace.db.jooq.Tables.KPI_TIMING_DAILY;

/**
 * How long serial lookups and report generations take, for the system KPIs of DOMAIN.md §7.
 * Recording is a counter increment in memory (the lookup stays sub-millisecond); the counts go to
 * {@code kpi_timing_daily} (migration V81) in one batched upsert every few seconds, on
 * {@link #flush()} and on {@link #close()}. Durations are kept as a log histogram: bucket b holds
 * 1.1^b ≤ µs < 1.1^(b+1), so a percentile read from it is within 5 %. A failed flush (database
 * gone) keeps the counts for the next one.
 */
public final class OperationTimings implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OperationTimings.class);
    private static final double LOG_BASE = Math.log(1.1);

    /** What is timed. */
    public enum Kind {
        LOOKUP("lookup"), REPORT("report");

        private final String code;

        Kind(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    private record Key(Kind kind, LocalDate day, short bucket, boolean failed) {
    }

    private final DSLContext dsl;
    private final Clock clock;
    private final Map<Key, LongAdder> pending = new ConcurrentHashMap<>();
    private final ScheduledExecutorService flusher;

    /** Records and flushes every {@code flushSeconds} on a daemon thread (0: only on flush/close). */
    public OperationTimings(DSLContext dsl, Clock clock, int flushSeconds) {
        this.dsl = dsl;
        this.clock = clock;
        if (flushSeconds > 0) {
            flusher = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "timings-flush");
                t.setDaemon(true);
                return t;
            });
            flusher.scheduleWithFixedDelay(this::flushQuietly, flushSeconds, flushSeconds, TimeUnit.SECONDS);
        } else {
            flusher = null;
        }
    }

    public void record(Kind kind, long nanos, boolean ok) {
        Key key = new Key(kind, LocalDate.now(clock.withZone(ZoneOffset.UTC)), bucket(nanos), !ok);
        pending.computeIfAbsent(key, k -> new LongAdder()).increment();
    }

    /** The histogram bucket of a duration: 1.1^b ≤ µs < 1.1^(b+1); below 1 µs is bucket 0. */
    static short bucket(long nanos) {
        double micros = nanos / 1000.0;
        return micros <= 1 ? 0 : (short) Math.min(Short.MAX_VALUE, Math.floor(Math.log(micros) / LOG_BASE));
    }

    /** Writes what was recorded since the last flush, in one statement (a lookup racing it may count in the next). */
    public synchronized void flush() {
        if (pending.isEmpty()) {
            return;
        }
        List<Map.Entry<Key, Long>> taken = new ArrayList<>();
        for (Key k : List.copyOf(pending.keySet())) {
            LongAdder a = pending.remove(k);
            if (a != null && a.sum() > 0) {
                taken.add(Map.entry(k, a.sum()));
            }
        }
        if (taken.isEmpty()) {
            return;
        }
        try {
            var insert = dsl.insertInto(KPI_TIMING_DAILY, KPI_TIMING_DAILY.KIND, KPI_TIMING_DAILY.DAY, KPI_TIMING_DAILY.BUCKET,
                    KPI_TIMING_DAILY.FAILED, KPI_TIMING_DAILY.N);
            for (var e : taken) {
                insert = insert.values(e.getKey().kind().code(), e.getKey().day(), e.getKey().bucket(), e.getKey().failed(), e.getValue());
            }
            insert.onConflict(KPI_TIMING_DAILY.KIND, KPI_TIMING_DAILY.DAY, KPI_TIMING_DAILY.BUCKET, KPI_TIMING_DAILY.FAILED)
                    .doUpdate().set(KPI_TIMING_DAILY.N, KPI_TIMING_DAILY.N.plus(org.jooq.impl.DSL.excluded(KPI_TIMING_DAILY.N)))
                    .execute();
        } catch (RuntimeException e) {
            for (var t : taken) {   // keep them for the next flush
                pending.computeIfAbsent(t.getKey(), k -> new LongAdder()).add(t.getValue());
            }
            throw e;
        }
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (RuntimeException e) {
            LOG.warn("could not record lookup/report timings (kept for the next try): {}", e.getMessage());
        }
    }

    /** Writes what is left on the flush thread (callers may be on a UI thread) and stops it. */
    @Override
    public void close() {
        if (flusher == null) {
            flushQuietly();
            return;
        }
        flusher.execute(this::flushQuietly);
        flusher.shutdown();
        try {
            flusher.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
