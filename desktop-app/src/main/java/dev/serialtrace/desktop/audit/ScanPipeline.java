package dev.serialtrace.desktop.audit;

import dev.serialtrace.db.audit.AuditClassifier;
import dev.serialtrace.db.audit.AuditScan;
import dev.serialtrace.db.audit.Classification;
import dev.serialtrace.db.audit.ScanClass;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * Where captures go, in order, never dropped. The journal thread judges each capture from memory,
 * shows it, and forces it into the {@link ScanJournal}; the sender thread then asks the database
 * about captures that need it and stores every journaled scan. When the database is unreachable
 * the sender stops and retries every few seconds, while capturing, judging from memory and
 * journaling go on; on reconnect the waiting scans are stored in scan order, each exactly once.
 */
public final class ScanPipeline implements AutoCloseable {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ScanPipeline.class);
    /** Called on the UI executor. */
    public interface Listener {
        /** A scan was judged (first from memory, again when the database judged a pending one). */
        void classified(AuditScan scan, Classification classification);

        /** Did-you-mean candidates arrived for a scan judged unknown (after its verdict was shown). */
        void suggested(AuditScan scan, Classification withCandidates);

        /** The state of sending: how many scans wait, and whether the database answers. */
        void sending(int waiting, boolean online, String problem);
    }

    private final AuditClassifier classifier;
    private final ScanJournal journal;
    private final UnaryOperator<AuditScan> store;
    private final Executor ui;
    private final Listener listener;
    private final Clock clock;
    private final long retryMillis;
    private final ExecutorService journaling = Executors.newSingleThreadExecutor(r -> daemon(r, "scan-journal"));
    private final ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "scan-sender"));
    /** Near-match searches take tens of milliseconds: they must hold up neither verdicts nor storing. */
    private final ExecutorService suggesting = Executors.newSingleThreadExecutor(r -> daemon(r, "scan-suggest"));
    private volatile boolean online = true;
    private ScheduledFuture<?> retry;
    private int nextSeq;

    /** @param store stores one scan in the database (once, however often it is replayed) and returns it as stored */
    public ScanPipeline(AuditClassifier classifier, ScanJournal journal, int lastSeq, UnaryOperator<AuditScan> store, Executor ui,
                        Listener listener, Clock clock, long retryMillis) {
        this.classifier = classifier;
        this.journal = journal;
        this.store = store;
        this.ui = ui;
        this.listener = listener;
        this.clock = clock;
        this.retryMillis = retryMillis;
        this.nextSeq = lastSeq + 1;
        sender.execute(() -> drain(true));   // scans journaled before a restart
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** A capture, in the order it arrived (call from one thread, e.g. the FX thread). */
    public void submit(long auditId, String raw, boolean manual, String manualReason, Long locationId) {
        submit(auditId, raw, manual, manualReason, locationId, null, null);
    }

    /**
     * A serial captured from quantity stock: journaled like any scan; the database creates the unit
     * when it stores the scan (once, however often it is replayed).
     */
    public void submitRetrofit(long auditId, String raw, boolean manual, String manualReason, long locationId, long stockId,
                               String detail) {
        submit(auditId, raw, manual, manualReason, locationId, stockId, detail);
    }

    private void submit(long auditId, String raw, boolean manual, String manualReason, Long locationId, Long stockId,
                        String retrofitDetail) {
        int seq = nextSeq++;
        OffsetDateTime at = OffsetDateTime.now(clock);
        UUID id = UUID.randomUUID();
        journaling.execute(() -> {
            Classification c = stockId != null
                    ? new Classification(ScanClass.RETROFITTED, null, retrofitDetail + (online ? "" : " (offline — stored when the database is back)"), null, 0)
                    : classifier.classifyLocal(raw, locationId, seq);
            if (c.kind() == ScanClass.PENDING && !online) {
                c = new Classification(ScanClass.PENDING, null, "offline — judged when the database is back", null, 0);
            }
            AuditScan scan = new AuditScan(auditId, id, seq, at, locationId, raw, manual, manualReason, c.unitId(),
                    c.kind(), c.detail(), stockId);
            Classification shown = c;
            ui.execute(() -> listener.classified(scan, shown));
            journal.append(scan);
            int waiting = journal.waitingCount();
            ui.execute(() -> listener.sending(waiting, online, null));
            sender.execute(() -> drain(false));
        });
    }

    /** Try the database again now (e.g. the health monitor saw it come back). */
    public void retryNow() {
        sender.execute(() -> drain(true));
    }

    public boolean online() {
        return online;
    }

    public int waiting() {
        return journal.waitingCount();
    }

    /** Waits until everything journaled so far has been handed to the sender and the sender is idle (tests, closing). */
    public void flush(long timeoutMillis) throws InterruptedException {
        long end = System.currentTimeMillis() + timeoutMillis;
        try {
            journaling.submit(() -> { }).get(timeoutMillis, TimeUnit.MILLISECONDS);
            sender.submit(() -> { }).get(Math.max(1, end - System.currentTimeMillis()), TimeUnit.MILLISECONDS);
            suggesting.submit(() -> { }).get(Math.max(1, end - System.currentTimeMillis()), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("scans still being sent", e);
        }
    }

    /** Offline, only the scheduled retries knock (each attempt may wait for the pool's connection timeout). */
    private void drain(boolean retrying) {
        if (!online && !retrying) {
            return;
        }
        for (AuditScan s : journal.waiting()) {
            try {
                AuditScan judged = s;
                if (s.classification() == ScanClass.PENDING) {
                    Classification c = classifier.remote(s.rawInput(), s.locationId(), s.seq());
                    judged = s.classifiedAs(c);
                    journal.reclassify(judged);
                    AuditScan shown = judged;
                    ui.execute(() -> listener.classified(shown, c));
                }
                AuditScan stored = store.apply(judged);
                journal.acknowledge(s.clientScanId());
                if (judged.classification() == ScanClass.RETROFITTED) {
                    retrofitStored(stored);
                }
                if (judged.classification() == ScanClass.UNKNOWN) {
                    suggest(judged);
                }
            } catch (RuntimeException e) {
                LOG.warn("audit scans wait in the journal: {}", e.toString());
                online = false;
                int waiting = journal.waitingCount();
                String problem = e.getMessage();
                ui.execute(() -> listener.sending(waiting, false, problem));
                scheduleRetry();
                return;
            }
        }
        online = true;
        int waiting = journal.waitingCount();
        ui.execute(() -> listener.sending(waiting, true, null));
    }

    /** The database created the unit (or refused the serial): count it and show the outcome. */
    private void retrofitStored(AuditScan stored) {
        if (stored.classification() == ScanClass.RETROFITTED && stored.unitId() != null) {
            classifier.retrofitted(stored.unitId());
        }
        Classification c = new Classification(stored.classification(), stored.unitId(), stored.detail(), null, 0);
        ui.execute(() -> listener.classified(stored, c));
    }

    private void suggest(AuditScan unknown) {
        suggesting.execute(() -> {
            try {
                Classification c = classifier.nearMatches(unknown.rawInput());
                ui.execute(() -> listener.suggested(unknown, c));
            } catch (RuntimeException e) {
                LOG.info("no near matches for scan #{}: {}", unknown.seq(), e.toString());   // the verdict stands
            }
        });
    }

    private void scheduleRetry() {
        if (retry == null || retry.isDone()) {
            retry = sender.schedule(() -> drain(true), retryMillis, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void close() {
        journaling.shutdown();
        try {
            journaling.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sender.shutdownNow();
        suggesting.shutdownNow();
        journal.close();
    }
}
