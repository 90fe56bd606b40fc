package dev.serialtrace.db.epcis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.serialtrace.core.epcis.Cbv;
import dev.serialtrace.core.lifecycle.BizStep;
import dev.serialtrace.core.lifecycle.Disposition;
import dev.serialtrace.core.unit.InternalUnitId;
import dev.serialtrace.core.unit.SerialNormalizer;
import dev.serialtrace.db.jooq.Routines;
import dev.serialtrace.db.jooq.enums.PartyKind;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record5;
import org.jooq.impl.DSL;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import static dev.serialtrace.db.jooq.Tables.*;

/**
 * EPCIS documents (JSON-LD 2.0, XML 2.0 and 1.2) into custody history. Two streaming passes over
 * the file, so memory stays bounded whatever its size: the first checks every event and counts
 * them; the second imports in batches, each in one transaction (units, products, lots and parties
 * it needs are created; custody events go in by COPY, so the database's state trigger sees one
 * statement per batch). A batch is prepared (lookups, ids, rows) while the one before it is written,
 * so the writing connection only sends rows. A batch that fails is retried in halves, down to single events, so each
 * event goes in whole or not at all. Events already imported (same GS1 event hash, or same eventID) are skipped:
 * importing a document twice changes nothing. Without {@code acceptPartial} a document with any
 * bad event imports nothing. Every run that writes is recorded in the sync log.
 */
public final class EpcisImporter {
    /** Events per transaction: large enough that the per-statement triggers' fixed cost is spread thin. */
    public static final int DEFAULT_BATCH = 5_000;

    public record Options(boolean dryRun, boolean acceptPartial, String partner, int batchSize) {
        public static Options defaults(String partner) {
            return new Options(false, false, partner, DEFAULT_BATCH);
        }
    }

    /** An event that was not imported: its position in the document, its eventID if any, the field and why. */
    public record Failure(long index, String eventId, String field, String message) {
        /** What is wrong: "event #n: field: why". */
        public String problem() {
            return "event #" + (index + 1) + ": " + field + ": " + message;
        }

        /** The problem first, the eventID (often a 90-character hash id) last, so a cut line still says what is wrong. */
        @Override
        public String toString() {
            return problem() + (eventId == null ? "" : " — eventID " + eventId);
        }
    }

    public record Report(long events, long imported, long duplicates, long failed, long custodyEvents, long unitsCreated,
                         long millis, List<Failure> failures, boolean dryRun, boolean cancelled, Long syncLogId) {
        public SyncLog.Status status() {
            if (failed == 0 && !cancelled) {
                return SyncLog.Status.success;
            }
            return imported > 0 || duplicates > 0 ? SyncLog.Status.partial : SyncLog.Status.failed;
        }

        public double eventsPerSecond() {
            return millis == 0 ? 0 : events * 1000.0 / millis;
        }
    }

    /** Progress: "checking" then "importing", events done of total (total unknown, -1, while checking). */
    public interface Progress {
        void update(String phase, long done, long total);
    }

    /**
     * Where an import's time went, per stage (milliseconds of wall time summed over the batches):
     * the benchmark prints it, so a slow import shows whether the reading, the hashing or one of the
     * database writes is to blame. Reading, hashing and preparing run on the calling thread, the writes
     * on the writer thread, at the same time; "waiting for the writer" is the calling thread idle.
     */
    public enum Stage {
        CHECK_PASS("pass 1: read and check"), READ("pass 2: read"), HASH("pass 2: hash"),
        DUPLICATES("prepare: duplicate lookup"), UNITS("prepare: units found, new ids"),
        PREPARE("prepare: rows, parties, locations"), WAIT_WRITER("waiting for the writer"),
        UNITS_COPY("write: master data, new units"), CUSTODY_COPY("write: COPY custody_event (+ triggers)"),
        EPCIS_COPY("write: COPY epcis_event"), COMMIT("write: commit");

        public final String label;

        Stage(String label) {
            this.label = label;
        }
    }

    private final java.util.concurrent.atomic.AtomicLongArray stageNanos = new java.util.concurrent.atomic.AtomicLongArray(Stage.values().length);

    /** Milliseconds spent in each stage by the imports of this importer so far. */
    public Map<Stage, Long> stageMillis() {
        Map<Stage, Long> out = new java.util.EnumMap<>(Stage.class);
        for (Stage s : Stage.values()) {
            out.put(s, stageNanos.get(s.ordinal()) / 1_000_000);
        }
        return out;
    }

    private long lap(Stage stage, long since) {
        long now = System.nanoTime();
        stageNanos.addAndGet(stage.ordinal(), now - since);
        return now;
    }

    private static final int MAX_LISTED_FAILURES = 500;
    private final DSLContext dsl;
    private final Clock clock;
    private final Map<String, Long> locations = new HashMap<>();
    private final Map<Long, Long> siteOfLocation = new HashMap<>();
    /** unit's id sequence, looked up by the first batch that creates units. */
    private String unitSequence;
    /**
     * The sites the importing person may record events at, when row-level security applies to them
     * (null when it does not: the schema's owner): an event whose business location is elsewhere is
     * refused before its batch is written, as the database would refuse it (its policy still does).
     */
    private Set<Long> writableSites;
    private final ImportMasterData master = new ImportMasterData();
    /** What master data the importing person may add: events needing any other are refused before their batch is written. */
    private ImportMasterData.Grants grants = ImportMasterData.Grants.ALL;

    public EpcisImporter(DSLContext dsl, Clock clock) {
        this.dsl = dsl;
        this.clock = clock;
    }

    /** Seams for tests that must make the overlap of two batches certain; no-ops otherwise. */
    private Runnable afterPrepare = () -> { };
    private Runnable beforeWrite = () -> { };

    /**
     * {@code afterPrepare} runs on the calling thread once a batch is prepared (the one before it may
     * still be in flight), {@code beforeWrite} on the writer thread before each batch's transaction.
     */
    void overlapHooks(Runnable afterPrepare, Runnable beforeWrite) {
        this.afterPrepare = afterPrepare;
        this.beforeWrite = beforeWrite;
    }

    private Runnable afterApply = () -> { };
    private Runnable beforeVerdict = () -> { };

    /**
     * {@code afterApply} runs on the writer thread once a batch's rows are sent, before its commit
     * waits for the check pass; {@code beforeVerdict} on the check pass's thread before it gives its verdict.
     */
    void verdictHooks(Runnable afterApply, Runnable beforeVerdict) {
        this.afterApply = afterApply;
        this.beforeVerdict = beforeVerdict;
    }

    public Report importFile(Path file, Options options, Progress progress, BooleanSupplier cancelled) throws IOException {
        OffsetDateTime started = OffsetDateTime.now(clock);
        long t0 = System.nanoTime();
        Progress serialised = (phase, done, total) -> {
            synchronized (this) {
                progress.update(phase, done, total); // the check pass reports from a thread of its own
            }
        };
        ExecutorService checker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "epcis-import-check");
            t.setDaemon(true);
            return t;
        });
        try {
            Verdict verdict = new Verdict(checker.submit(() -> check(file, serialised, cancelled)), options.acceptPartial());
            if (options.dryRun()) {
                Checked checked = verdict.await(null, file);
                if (checked.cancelled() || checked.invalid() > 0 && !options.acceptPartial()) {
                    return new Report(checked.total(), 0, 0, checked.invalid(), 0, 0, millis(t0), checked.failures(), true,
                            checked.cancelled(), null);
                }
                return dryRun(file, checked, options.batchSize(), serialised, cancelled, t0);
            }
            // The document is read a second time and imported while the first pass still checks it: a
            // batch is prepared and written at once, but nothing commits before the check's verdict.
            Long syncId = SyncLog.write(dsl, "import", options.partner(), format(file), started, null, SyncLog.Status.failed,
                    0, 0, 0, "running");
            try {
                return importChecked(file, options, serialised, cancelled, verdict, syncId, t0);
            } catch (Refused refused) {
                Checked checked = verdict.await(syncId, file);
                String why = checked.cancelled() ? "cancelled while checking; nothing imported"
                        : checked.invalid() + " of " + checked.total() + " events invalid; nothing imported";
                SyncLog.finish(dsl, syncId, OffsetDateTime.now(clock), SyncLog.Status.failed, checked.total(), 0, checked.invalid(), why);
                return new Report(checked.total(), 0, 0, checked.invalid(), 0, 0, millis(t0), checked.failures(), false,
                        checked.cancelled(), syncId);
            } catch (EpcisFormatException broken) {
                verdict.await(syncId, file); // the check pass met it too, and says so
                throw broken;
            }
        } finally {
            checker.shutdownNow();
        }
    }

    /** Pass 2 of an import that writes: batches prepared and written, each committed once the check pass allows it. */
    private Report importChecked(Path file, Options options, Progress progress, BooleanSupplier cancelled, Verdict verdict,
                                 Long syncId, long t0) throws IOException {
        writableSites = writableSites(dsl);
        grants = ImportMasterData.Grants.of(dsl);
        Counts counts = new Counts();
        List<Failure> failures = new ArrayList<>();
        Batches batches = new Batches(syncId, counts, failures, verdict);
        Read read;
        try {
            read = inBatches(file, options.batchSize(), verdict::isBad, batches::submit,
                    done -> verdict.importing(progress, done - options.batchSize()), cancelled);
            batches.settle();
        } catch (RuntimeException | IOException | Error failed) {
            batches.abandon();
            throw failed;
        } finally {
            batches.writer.shutdownNow();
        }
        verdict.allowCommit(); // a batch of duplicates only commits nothing, so it does not ask
        Checked checked = verdict.await(syncId, file);
        progress.update("importing", read.events(), checked.total());
        counts.failed += checked.invalid();
        List<Failure> all = new ArrayList<>(checked.failures());
        failures.forEach(f -> list(all, f));
        Report report = new Report(checked.total(), counts.imported, counts.duplicates, counts.failed, counts.custody, counts.units,
                millis(t0), all, false, read.cancelled(), syncId);
        SyncLog.finish(dsl, syncId, OffsetDateTime.now(clock), report.status(), checked.total(),
                counts.imported + counts.duplicates, counts.failed, summary(file, report));
        return report;
    }

    /** Pass 2 of a dry run, once the check pass is done: counts what would be imported and what is already there. */
    private Report dryRun(Path file, Checked checked, int batchSize, Progress progress, BooleanSupplier cancelled, long t0)
            throws IOException {
        Counts counts = new Counts();
        counts.failed = checked.invalid();
        List<Failure> failures = new ArrayList<>(checked.failures());
        writableSites = writableSites(dsl);
        grants = ImportMasterData.Grants.of(dsl);
        Read read = inBatches(file, batchSize, (index, e) -> checked.bad().get((int) index), batch -> dryRun(batch, counts, failures),
                done -> progress.update("importing", done, checked.total()), cancelled);
        return new Report(checked.total(), counts.imported, counts.duplicates, counts.failed, 0, 0, millis(t0), failures,
                true, read.cancelled(), null);
    }

    /** How far pass 2 read: events read, and whether it stopped early because it was cancelled. */
    private record Read(long events, boolean cancelled) {
    }

    /** What pass 2 leaves out: the event at this position of the document is bad. */
    private interface BadEvent {
        boolean test(long index, ObjectNode event);
    }

    /**
     * Pass 2's reading: the document's events, less the bad ones, handed on in batches of {@code size}
     * ({@code done} told how many events were read at each); stops after a batch once cancelled.
     */
    private Read inBatches(Path file, int size, BadEvent bad, Consumer<List<Pending>> each, java.util.function.LongConsumer done,
                           BooleanSupplier cancelled) throws IOException {
        long index = 0;
        try (EpcisReader reader = EpcisReader.open(file)) {
            List<Pending> batch = new ArrayList<>(size);
            ObjectNode e;
            long t = System.nanoTime();
            while ((e = reader.next()) != null) {
                t = lap(Stage.READ, t);
                if (!bad.test(index, e)) {
                    batch.add(new Pending(index, e, reader.namespaces()));
                }
                t = lap(Stage.HASH, t);
                index++;
                if (batch.size() >= size) {
                    List<Pending> full = batch;
                    batch = new ArrayList<>(size);
                    each.accept(full);
                    t = System.nanoTime();
                    done.accept(index);
                    if (cancelled.getAsBoolean()) {
                        return new Read(index, true);
                    }
                }
            }
            if (!batch.isEmpty()) {
                each.accept(batch);
            }
        }
        return new Read(index, false);
    }

    /** Pass 1's outcome: every event read and checked (or as many as were before it was cancelled). */
    private record Checked(long total, BitSet bad, List<Failure> failures, boolean cancelled) {
        long invalid() {
            return bad.cardinality();
        }
    }

    /** Pass 1: reads and checks every event, so that a document with a bad event imports nothing unless asked to. */
    private Checked check(Path file, Progress progress, BooleanSupplier cancelled) throws IOException {
        long checkStart = System.nanoTime();
        List<Failure> failures = new ArrayList<>();
        BitSet bad = new BitSet();
        long total = 0;
        try (EpcisReader reader = EpcisReader.open(file)) {
            ObjectNode e;
            while ((e = reader.next()) != null) {
                List<EventCheck.Problem> problems = EventCheck.check(e);
                if (!problems.isEmpty()) {
                    bad.set((int) total);
                    for (EventCheck.Problem p : problems) {
                        list(failures, new Failure(total, eventId(e), p.field(), p.message()));
                    }
                }
                total++;
                if (total % 10_000 == 0) {
                    progress.update("checking", total, -1);
                    if (cancelled.getAsBoolean()) {
                        return new Checked(total, bad, failures, true);
                    }
                }
            }
        } catch (EpcisFormatException broken) {
            beforeVerdict.run();
            throw new Broken(total, broken);
        }
        lap(Stage.CHECK_PASS, checkStart);
        progress.update("checking", total, total);
        beforeVerdict.run();
        return new Checked(total, bad, failures, false);
    }

    /** The check pass met a document it cannot read, after {@code read} events. */
    private static final class Broken extends RuntimeException {
        final long read;

        Broken(long read, EpcisFormatException cause) {
            super(cause.getMessage(), cause);
            this.read = read;
        }
    }

    /** A commit the check pass does not allow: the document has a bad event (and partial imports were not asked for), or the check was cancelled. */
    private static final class Refused extends RuntimeException {
        Refused() {
            super("the check pass refused the document", null, false, false);
        }
    }

    /**
     * The check pass's verdict, which every commit of the import waits for. Until it is known, pass 2
     * checks each event itself (a bad one must not reach a batch); then it reads the verdict's list.
     */
    private final class Verdict {
        private final Future<Checked> pass1;
        private final boolean acceptPartial;
        private volatile Checked known;

        Verdict(Future<Checked> pass1, boolean acceptPartial) {
            this.pass1 = pass1;
            this.acceptPartial = acceptPartial;
        }

        boolean isBad(long index, ObjectNode event) {
            Checked c = ifKnown();
            return c != null && !c.cancelled() ? c.bad().get((int) index) : !EventCheck.check(event).isEmpty();
        }

        /** Throws {@link Refused} unless the document may be committed: waits for the check pass if need be. */
        void allowCommit() {
            Checked c = awaitQuietly();
            if (c == null || c.cancelled() || c.invalid() > 0 && !acceptPartial) {
                throw new Refused();
            }
        }

        /** Progress of the import proper, once the check pass has reported its last. */
        void importing(Progress progress, long done) {
            Checked c = ifKnown();
            if (c != null) {
                progress.update("importing", done, c.total());
            }
        }

        /** The verdict if the check pass is done (null if it failed), else null without waiting. */
        private Checked ifKnown() {
            return known != null ? known : pass1.isDone() ? awaitQuietly() : null;
        }

        private Checked awaitQuietly() {
            try {
                return await(null, null);
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }

        /**
         * The check pass's outcome. A document it could not read is thrown (when {@code file} is given,
         * as the reader's error naming the file) and recorded in the import's sync log row, if any.
         */
        Checked await(Long syncId, Path file) throws IOException {
            try {
                known = pass1.get();
                return known;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("import interrupted", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof Broken b && file != null) {
                    String message = file.getFileName() + ": " + b.getMessage();
                    if (syncId != null) {
                        SyncLog.finish(dsl, syncId, OffsetDateTime.now(clock), SyncLog.Status.failed, b.read, 0, 0, message);
                    }
                    throw new EpcisFormatException(b.getMessage() + (syncId == null ? "" : " (nothing imported; sync log #" + syncId + ")"),
                            b.getCause());
                }
                if (e.getCause() instanceof Broken b) {
                    throw (EpcisFormatException) b.getCause();
                }
                if (e.getCause() instanceof IOException io) {
                    throw io;
                }
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                throw new IllegalStateException(e.getCause());
            }
        }
    }

    /** Waits for the batch being written: true if it went in whole; its failure (other than the database refusing it) is this import's. */
    private static boolean await(Future<Boolean> batch) {
        try {
            return batch.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("import interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private static String summary(Path file, Report r) {
        return file.getFileName() + ": " + r.imported() + " imported, " + r.duplicates() + " already there, " + r.failed()
                + " failed" + (r.cancelled() ? ", cancelled" : "") + (r.failures().isEmpty() ? "" : "; first: " + r.failures().get(0));
    }

    /** Failures are counted by their events; the first {@link #MAX_LISTED_FAILURES} are listed. */
    private static void list(List<Failure> failures, Failure f) {
        if (failures.size() < MAX_LISTED_FAILURES) {
            failures.add(f);
        }
    }

    private static long millis(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }

    private static String format(Path file) {
        String n = file.getFileName().toString().toLowerCase();
        return n.endsWith(".xml") ? "epcis-xml" : "epcis-json";
    }

    static String eventId(ObjectNode e) {
        JsonNode id = e.get("eventID");
        return id == null || id.asText().isEmpty() ? null : id.asText();
    }

    private static final class Counts {
        long imported;
        long duplicates;
        long failed;
        long custody;
        long units;
    }

    /**
     * An event waiting for its batch, with its key (the hash id, marked when it declares an earlier
     * event in error) and its stored text: both made on the reading thread, so the writer thread
     * (the slower side) only writes.
     */
    private static final class Pending {
        final long index;
        /** The parsed event, until its batch is prepared; then read again from the payload if the batch must be retried. */
        private ObjectNode event;
        final String hash;
        final String key;
        final String payload;
        final String eventId;

        Pending(long index, ObjectNode event, Map<String, String> namespaces) {
            this.index = index;
            this.event = event;
            this.hash = EventHash.of(event, namespaces);
            this.key = event.has("errorDeclaration") ? hash + "#errorDeclaration" : hash;
            this.eventId = EpcisImporter.eventId(event);
            try {
                this.payload = EpcisEvents.MAPPER.writeValueAsString(event);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException("an event read from JSON could not be written back", e);
            }
        }

        ObjectNode event() {
            if (event == null) {
                try {
                    event = (ObjectNode) EpcisEvents.MAPPER.readTree(payload);
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    throw new IllegalStateException("an event's own JSON could not be read back", e);
                }
            }
            return event;
        }

        /**
         * Lets go of the parsed event once its batch is prepared: a batch in flight then holds its rows
         * and payloads, not a tree per event, which keeps the import's memory to about one batch of trees.
         */
        void release() {
            event = null;
        }
    }

    private final java.util.concurrent.atomic.AtomicLong batchCpuNanos = new java.util.concurrent.atomic.AtomicLong();

    /**
     * CPU time of this JVM spent writing batches (on the writer thread): the client's part of the
     * writer's stages, the rest of their wall time being the server's. Writing and the server run one
     * after the other, so this is on the import's critical path.
     */
    public long writerCpuMillis() {
        return batchCpuNanos.get() / 1_000_000;
    }

    private long batchesRetried;
    private long retryTransactions;

    /** A refused batch of at most this many events is written again event by event; a larger one in halves. */
    static final int RETRY_ONE_BY_ONE = 16;

    /**
     * Batches of this importer's imports that went in again in parts: the database refused one of
     * their events, or what they were prepared against was not what it held.
     */
    public long batchesRetried() {
        return batchesRetried;
    }

    /** Transactions those batches took: halves, and single events where a half of at most 16 was refused. */
    public long retryTransactions() {
        return retryTransactions;
    }

    /**
     * The import's pipeline. A batch is prepared on the calling thread (its lookups on a pooled
     * connection of their own) while the batch before it is written by the writer thread, so the
     * writing connection, the import's bottleneck, only sends rows. A batch in flight is not yet
     * committed when the next is prepared: the next is prepared with what it will write (its
     * {@link PreparedBatch.Carry}), and again against the database if it did not go in whole.
     * At most two batches are in memory.
     */
    private final class Batches {
        final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "epcis-import-writer");
            t.setDaemon(true);
            return t;
        });
        private final Long syncId;
        private final Counts counts;
        private final List<Failure> failures;
        private List<Pending> inFlight;
        private PreparedBatch inFlightPrepared;
        private Future<Boolean> written;
        private final Verdict verdict;

        Batches(Long syncId, Counts counts, List<Failure> failures, Verdict verdict) {
            this.syncId = syncId;
            this.counts = counts;
            this.failures = failures;
            this.verdict = verdict;
        }

        void submit(List<Pending> batch) {
            PreparedBatch prepared = tryPrepare(batch, inFlightPrepared == null ? PreparedBatch.Carry.NONE : inFlightPrepared.carry());
            afterPrepare.run();
            long t = System.nanoTime();
            boolean beforeWentInWhole = settle();
            lap(Stage.WAIT_WRITER, t);
            if (!beforeWentInWhole || prepared == null) {
                // what it was prepared against is not what the database holds (the batch before went
                // in again in parts, or a lookup failed): again, against the database as it is now
                prepared = tryPrepare(batch, PreparedBatch.Carry.NONE);
            }
            if (prepared == null) {
                retry(batch);
                return;
            }
            PreparedBatch ready = prepared;
            inFlight = batch;
            inFlightPrepared = ready;
            written = writer.submit(() -> write(ready, verdict));
        }

        /** After a failure of the import itself: waits for the batch in flight, which goes in whole or not at all. */
        void abandon() {
            if (written != null) {
                try {
                    written.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (ExecutionException ignored) {
                    // the import's own failure is what is reported
                }
                written = null;
            }
        }

        /** Waits for the batch in flight; one the database refused goes in again in parts. True if it went in whole. */
        boolean settle() {
            if (written == null) {
                return true;
            }
            boolean whole = await(written);
            List<Pending> batch = inFlight;
            PreparedBatch prepared = inFlightPrepared;
            written = null;
            inFlight = null;
            inFlightPrepared = null;
            if (whole) {
                took(prepared);
                return true;
            }
            forgetCreated();
            retry(batch);
            return false;
        }

        private PreparedBatch tryPrepare(List<Pending> batch, PreparedBatch.Carry carry) {
            try {
                return prepare(dsl, batch, carry, syncId);
            } catch (RuntimeException lookupFailed) {
                forgetCreated();
                return null;
            } finally {
                batch.forEach(Pending::release);
            }
        }

        /**
         * One bad event must not take the others with it. The batch goes in again in halves, in order,
         * each in a transaction of its own; a half the database refuses is halved again, down to
         * {@link #RETRY_ONE_BY_ONE} events, which go in one by one. A batch with one refused event
         * costs about 2 log2(n / 16) + 16 transactions instead of n.
         */
        private void retry(List<Pending> batch) {
            // the check's verdict first: for a document it refuses, each event's transaction would be wasted
            verdict.allowCommit();
            batchesRetried++;
            inHalves(batch);
        }

        private void inHalves(List<Pending> events) {
            if (events.size() <= RETRY_ONE_BY_ONE) {
                events.forEach(this::alone);
                return;
            }
            int middle = events.size() / 2;
            for (List<Pending> half : List.of(events.subList(0, middle), events.subList(middle, events.size()))) {
                if (attempt(half) != null) {
                    inHalves(half);
                }
            }
        }

        private void alone(Pending p) {
            RuntimeException refusal = attempt(List.of(p));
            if (refusal != null) {
                counts.failed++;
                list(failures, new Failure(p.index, p.eventId, "event", whyRefused(refusal)));
            }
        }

        /** The events in one transaction: null if they went in, else why the database refused them (nothing written). */
        private RuntimeException attempt(List<Pending> events) {
            try {
                took(inOneTransaction(events));
                return null;
            } catch (Refused refused) {
                throw refused;
            } catch (RuntimeException e) {
                forgetCreated();
                return e;
            }
        }

        /** A batch (or part) that went in: its counts, and the events it left out as refused. */
        private void took(PreparedBatch b) {
            add(counts, b);
            counts.failed += b.refused().size();
            b.refused().forEach(f -> list(failures, f));
        }

        private PreparedBatch inOneTransaction(List<Pending> events) {
            retryTransactions++;
            return dsl.transactionResult(tx -> {
                PreparedBatch part = prepare(tx.dsl(), events, PreparedBatch.Carry.NONE, syncId);
                apply(tx.dsl(), part);
                verdict.allowCommit();
                return part;
            });
        }
    }

    /**
     * Writes a prepared batch in one transaction, on the writer thread: false if the database refused
     * it. Commits once the check pass allows it; throws {@link Refused} if it does not.
     */
    private boolean write(PreparedBatch batch, Verdict verdict) {
        if (batch.writesNothing()) {
            return true;
        }
        beforeWrite.run();
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpu0 = threads.getCurrentThreadCpuTime();
        try {
            long[] written = new long[1];
            dsl.transaction(tx -> {
                // The batch's commit need not wait for the disk: the import's last statement (the sync
                // log's outcome) commits synchronously, which flushes every batch before it. A crash in
                // between loses whole batches only, which importing the document again takes in.
                tx.dsl().setLocal(DSL.name("synchronous_commit"), DSL.inline("off")).execute();
                apply(tx.dsl(), batch);
                afterApply.run();
                verdict.allowCommit();
                written[0] = System.nanoTime();
            });
            lap(Stage.COMMIT, written[0]);
            return true;
        } catch (Refused notAllowed) {
            throw notAllowed;
        } catch (RuntimeException refused) {
            return false;
        } finally {
            batchCpuNanos.addAndGet(threads.getCurrentThreadCpuTime() - cpu0);
        }
    }

    /** Sends a prepared batch's rows, in the caller's transaction. */
    private void apply(DSLContext tx, PreparedBatch b) {
        if (b.writesNothing()) {
            return;
        }
        long t = System.nanoTime();
        b.masterData().forEach(insert -> insert.accept(tx));
        if (b.newUnits() != null) {
            tx.connection(b.newUnits()::copy);
        }
        if (b.unnamed().length > 0) {
            tx.select(Routines.createPendingUnits(b.unnamed())).fetch();
        }
        t = lap(Stage.UNITS_COPY, t);
        if (b.custody() != null) {
            Routines.ensureCustodyPartitions(tx.configuration(), b.partitionsFrom(), b.partitionsTo());
            tx.connection(b.custody()::copy);
        }
        t = lap(Stage.CUSTODY_COPY, t);
        tx.connection(b.epcis()::copy);
        lap(Stage.EPCIS_COPY, t);
    }

    /** A dry run counts what would be imported and what is already there; it writes nothing. */
    private void dryRun(List<Pending> batch, Counts counts, List<Failure> failures) {
        Set<String> known = known(dsl, batch);
        List<Pending> fresh = new ArrayList<>();
        List<Failure> refused = new ArrayList<>();
        BiConsumer<Pending, Failure> leaveOut = (p, why) -> refused.add(why); // as the import would leave it out
        for (Pending p : batch) {
            if (known.contains(p.key) || (p.eventId != null && known.contains("id:" + p.eventId))) {
                counts.duplicates++;
            } else if (atAnotherSite(dsl, p)) {
                leaveOut.accept(p, notYourSite(p));
            } else {
                fresh.add(p);
            }
        }
        if (!grants.all()) {
            units(dsl, fresh, PreparedBatch.Carry.NONE, new ArrayList<>(), leaveOut); // finds, creates nothing
        }
        counts.imported += fresh.size();
        counts.failed += refused.size();
        refused.sort(IN_DOCUMENT_ORDER);
        refused.forEach(f -> list(failures, f));
    }

    /**
     * The units the events name, found; first, if this session may not add every kind of master
     * data, the events that would need some it may not add (a new trading partner, or a new unit's new
     * product or lot) are taken out of {@code events} and given to {@code leaveOut}, as the database
     * would refuse them. A unit only such events name is then not created.
     */
    private Units units(DSLContext db, java.util.Collection<Pending> events, PreparedBatch.Carry carry,
                        List<Consumer<DSLContext>> masterData, BiConsumer<Pending, Failure> leaveOut) {
        if (grants.all()) {
            return new Units(db, events, carry, masterData);
        }
        for (var it = events.iterator(); it.hasNext(); ) {
            Pending p = it.next();
            Failure why = grants.parties() ? null : newParty(db, p);
            if (why != null) {
                it.remove();
                leaveOut.accept(p, why);
            }
        }
        while (true) {
            Units units = new Units(db, events, carry, masterData);
            Map<String, String[]> lacking = units.lacking(db);
            if (lacking.isEmpty()) {
                return units;
            }
            for (var it = events.iterator(); it.hasNext(); ) {
                Pending p = it.next();
                Failure why = newUnitLacking(p, lacking);
                if (why != null) {
                    it.remove();
                    leaveOut.accept(p, why);
                }
            }
            // found again without them: their ILMD no longer counts for a unit other events name too
        }
    }

    /** Why an event needs a trading partner the database does not have, or null. */
    private Failure newParty(DSLContext db, Pending p) {
        for (String[] role : new String[][] {{"sourceList", "source"}, {"destinationList", "destination"}}) {
            String uri = first(p.event(), role[0], role[1]);
            if (!master.hasParty(db, uri)) {
                return new Failure(p.index, p.eventId, role[0], ImportMasterData.partyNotAllowed(role[1], uri));
            }
        }
        return null;
    }

    /** Why an event names a new unit needing a product or lot this session may not add (see {@link Units#lacking}), or null. */
    private static Failure newUnitLacking(Pending p, Map<String, String[]> lacking) {
        for (String field : EpcisEvents.EPC_LISTS) {
            for (String epc : texts(p.event().get(field))) {
                String[] why = lacking.get(epc);
                if (why != null) {
                    return new Failure(p.index, p.eventId, why[0] != null ? why[0] : field, why[1]);
                }
            }
        }
        String[] why = lacking.get(p.event().path("parentID").asText(null));
        return why == null ? null : new Failure(p.index, p.eventId, why[0] != null ? why[0] : "parentID", why[1]);
    }

    private static final java.util.regex.Pattern MASTER_DATA_DENIED = java.util.regex.Pattern.compile("permission denied for table (product|lot|party)\\b");

    /** The database's reason, in the importing person's terms where PostgreSQL's would puzzle them. */
    static String whyRefused(RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && "42501".equals(sql.getSQLState())) {
                String message = String.valueOf(sql.getMessage());
                if (message.contains("row-level security")) {
                    return NOT_YOUR_SITE;
                }
                if (MASTER_DATA_DENIED.matcher(message).find()) {
                    return "it names a product (GTIN), lot or trading partner the database does not have yet, and you may not add those."
                            + " Ask an administrator to import the document, or to add them first";
                }
            }
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.postgresql.util.PSQLException psql && psql.getServerErrorMessage() != null) {
                // the server's own sentence, without the driver's "ERROR:" and the PL/pgSQL "Where:" trace
                var server = psql.getServerErrorMessage();
                return server.getMessage() + (server.getDetail() != null ? " (" + server.getDetail() + ")" : "");
            }
        }
        return EpcisExporter.rootMessage(e);
    }

    /** The sites custody_event's insert policy lets this session record at, or null if the policy does not apply to it. */
    private static Set<Long> writableSites(DSLContext db) {
        Boolean restricted = db.select(DSL.function("row_security_active", Boolean.class, DSL.inline("custody_event"))).fetchOne(0,
                Boolean.class);
        if (!Boolean.TRUE.equals(restricted)) {
            return null;
        }
        Long[] sites = db.select(Routines.visibleSites()).fetchOne(0, Long[].class);
        return sites == null ? Set.of() : new HashSet<>(Arrays.asList(sites));
    }

    private static final java.util.Comparator<Failure> IN_DOCUMENT_ORDER = java.util.Comparator.comparingLong(Failure::index);

    static final String NOT_YOUR_SITE = "its business location is at a site you are not granted: you record events only where you work."
            + " Ask an administrator to grant you that site, or to import the document";

    private static Failure notYourSite(Pending p) {
        return new Failure(p.index, p.eventId, "bizLocation", NOT_YOUR_SITE);
    }

    /** True if the event's business location is at a site this import may not record at (see {@link #writableSites}). */
    private boolean atAnotherSite(DSLContext db, Pending p) {
        if (writableSites == null) {
            return false;
        }
        Long to = location(db, p.event().path("bizLocation").path("id").asText(null));
        return to != null && !writableSites.contains(siteOfLocation.get(to));
    }

    /** Rows created in a rolled-back transaction are gone: so are their cached ids. */
    private void forgetCreated() {
        locations.clear();
        master.forgetCreated();
    }

    private static void add(Counts into, PreparedBatch b) {
        into.imported += b.imported();
        into.duplicates += b.duplicates();
        into.custody += b.custodyEvents();
        into.units += b.unitsCreated();
    }

    /**
     * The keys ("hash", and "id:" + eventID) of a batch's events that are already imported, in one
     * query: the batch's keys go as one array parameter (a list of 5,000 literals costs more to send
     * and plan than to run), each probing the index once. An eventID equal to the event's hash id
     * is not stored twice (see {@link #storedEventId}), so eventIDs are looked up among hash ids too.
     */
    private static Set<String> known(DSLContext db, List<Pending> batch) {
        // every key, and every eventID that is not its own event's key (the usual eventID is): each is
        // looked up as a stored event's key and as its eventID. Looking up a key as an eventID as well
        // finds nothing the other lookups would not mark as a duplicate anyway, and lets one array,
        // sent and planned once, serve both indexes.
        Set<String> values = new LinkedHashSet<>();
        for (Pending p : batch) {
            values.add(p.key);
            if (p.eventId != null) {
                values.add(p.eventId);
            }
        }
        Set<String> known = new HashSet<>();
        probe(db, values.toArray(String[]::new)).forEach(r -> {
            known.add(r.value1());
            known.add("id:" + (r.value2() != null ? r.value2() : r.value1()));
        });
        return known;
    }

    /**
     * Stored events whose key or eventID is one of {@code values}, probing each index once per value.
     * As a semi-join the planner first hashed the values to make them distinct (a batch's are already),
     * and for event_id it read the whole table for every batch (it does not see that the partial
     * index's "event_id is not null" holds), a cost growing with every event ever imported. The
     * subqueries' OFFSET keeps them from being flattened into that join.
     */
    private static org.jooq.Select<org.jooq.Record2<String, String>> probe(DSLContext db, String[] values) {
        org.jooq.Table<?> k = DSL.unnest(values).as("k", "v");
        Field<String> v = k.field("v", String.class);
        org.jooq.Table<?> e = DSL.lateral(
                db.select(EPCIS_EVENT.HASH_ID, EPCIS_EVENT.EVENT_ID).from(EPCIS_EVENT).where(EPCIS_EVENT.HASH_ID.eq(v)).offset(0)
                        .unionAll(db.select(EPCIS_EVENT.HASH_ID, EPCIS_EVENT.EVENT_ID).from(EPCIS_EVENT)
                                .where(EPCIS_EVENT.EVENT_ID.eq(v)).offset(0))).as("e");
        return db.select(e.field(EPCIS_EVENT.HASH_ID), e.field(EPCIS_EVENT.EVENT_ID)).from(k).crossJoin(e);
    }

    /** {@code select v from unnest(?) v}: a set of keys in one array parameter, for a semi-join. */
    private static org.jooq.Select<org.jooq.Record1<String>> set(String[] values) {
        org.jooq.Table<?> t = DSL.unnest(values).as("k", "v");
        return DSL.select(t.field("v", String.class)).from(t);
    }

    /** The eventID to store: none when it is the event's hash id (the usual case, and hash_id already holds it). */
    private static String storedEventId(Pending p) {
        String id = p.eventId;
        return id == null || id.equals(p.key) ? null : id;
    }

    /** One custody event to write. */
    private record Row(long unitId, OffsetDateTime at, String zone, BizStep step, Disposition disposition, Long from, Long to,
                       Long source, Long destination, Long parent, String transactions, String rawScan, Long corrects,
                       String flag, String device) {
    }

    /**
     * A batch made ready to write ({@link PreparedBatch}): its events already imported set aside, its
     * units found or given ids, its rows in COPY form. {@code db} reads the database as of the batch
     * before the one in flight; {@code carry} is what that one will write.
     */
    private PreparedBatch prepare(DSLContext db, List<Pending> batch, PreparedBatch.Carry carry, Long syncId) {
        long t = System.nanoTime();
        Set<String> known = known(db, batch);
        known.addAll(carry.keys());
        long duplicates = 0;
        Map<String, Pending> fresh = new LinkedHashMap<>();
        Set<String> keys = new HashSet<>();
        for (Pending p : batch) {
            String id = p.eventId;
            if (known.contains(p.key) || (id != null && known.contains("id:" + id)) || fresh.containsKey(p.key)) {
                duplicates++;
            } else {
                fresh.put(p.key, p);
                if (id != null) {
                    known.add("id:" + id);
                }
                keys.add(p.key);
                keys.add("id:" + (id != null ? id : p.key));
            }
        }
        t = lap(Stage.DUPLICATES, t);
        // events the database would refuse are left out now, not found by a batch that fails and goes in again in parts
        List<Failure> refused = new ArrayList<>();
        BiConsumer<Pending, Failure> leaveOut = (p, why) -> {
            refused.add(why);
            keys.remove(p.key);
            keys.remove("id:" + (p.eventId != null ? p.eventId : p.key));
        };
        for (var it = fresh.values().iterator(); it.hasNext(); ) {
            Pending p = it.next();
            if (atAnotherSite(db, p)) {
                it.remove();
                leaveOut.accept(p, notYourSite(p));
            }
        }
        List<Consumer<DSLContext>> masterData = new ArrayList<>();
        Units units = units(db, fresh.values(), carry, masterData, leaveOut);
        refused.sort(IN_DOCUMENT_ORDER); // found site first, then partner, then product or lot
        if (fresh.isEmpty()) {
            return PreparedBatch.onlyDuplicates(duplicates, refused);
        }
        units.createMissing(db);
        t = lap(Stage.UNITS, t);

        Map<String, List<Long>> originals = originals(db, fresh.values(), carry);
        List<Row> rows = new ArrayList<>();
        Map<Pending, int[]> rowsOf = new LinkedHashMap<>();
        for (Pending p : fresh.values()) {
            int first = rows.size();
            rows(db, p, units, originals, rows, masterData);
            rowsOf.put(p, new int[] {first, rows.size()});
        }
        long[] ids = new long[rows.size()];
        CopyRows custody = null;
        LocalDate partitionsFrom = null;
        LocalDate partitionsTo = null;
        if (!rows.isEmpty()) {
            List<Long> fetched = db.select(DSL.field("nextval('custody_event_id_seq')", Long.class))
                    .from(DSL.generateSeries(1, rows.size())).fetch(0, Long.class);
            for (int i = 0; i < ids.length; i++) {
                ids[i] = fetched.get(i);
            }
            partitionsFrom = rows.stream().map(r -> r.at().toLocalDate()).min(LocalDate::compareTo).orElseThrow().minusDays(1);
            partitionsTo = rows.stream().map(r -> r.at().toLocalDate()).max(LocalDate::compareTo).orElseThrow().plusDays(1);
            custody = CopyRows.binary("custody_event", "id, unit_id, occurred_at, occurred_zone, biz_step, disposition, "
                    + "from_location_id, to_location_id, source_party_id, destination_party_id, parent_unit_id, biz_transactions, "
                    + "capture_method, raw_scan, corrects_event_id, is_out_of_order, flag_reason, device", rows.size() * 256);
            for (int i = 0; i < rows.size(); i++) {
                Row r = rows.get(i);
                OffsetDateTime last = units.lastEventAt.get(r.unitId());
                boolean late = last != null && r.at().isBefore(last);
                String flag = late ? join(r.flag(), "occurred before the unit's latest event (" + last + ")") : r.flag();
                custody.row(18).int8(ids[i]).int8(r.unitId()).time(r.at()).text(r.zone()).text(r.step().name())
                        .text(r.disposition().name()).int8(r.from()).int8(r.to()).int8(r.source()).int8(r.destination())
                        .int8(r.parent()).jsonb(r.transactions()).text("import").text(r.rawScan()).int8(r.corrects())
                        .bool(late).text(flag).text(r.device());
            }
        }
        Map<String, List<Long>> custodyIds = new HashMap<>();
        CopyRows epcis = CopyRows.binary("epcis_event", "hash_id, event_id, event_type, event_time, sync_id, custody_event_ids, payload",
                fresh.values().stream().mapToInt(p -> p.payload.length() + 256).sum());
        for (Map.Entry<Pending, int[]> entry : rowsOf.entrySet()) {
            Pending p = entry.getKey();
            long[] own = Arrays.copyOfRange(ids, entry.getValue()[0], entry.getValue()[1]);
            custodyIds.put(p.key, Arrays.stream(own).boxed().toList());
            epcis.row(7).text(p.key).text(storedEventId(p)).text(p.event().path("type").asText())
                    .time(EpcisEvents.parseTime(p.event().path("eventTime").asText())).int8(syncId).int8Array(own)
                    .text(p.payload);
        }
        lap(Stage.PREPARE, t);
        PreparedBatch.Carry out = new PreparedBatch.Carry(keys, units.byLookup, units.lastEventAtAfter(), units.status, custodyIds);
        return new PreparedBatch(fresh.size(), duplicates, rows.size(), units.created, masterData, units.newUnits,
                units.unnamed(rows), partitionsFrom, partitionsTo, custody, epcis, out, refused);
    }

    private static String join(String a, String b) {
        return a == null ? b : a + "; " + b;
    }

    /** For events that declare an earlier one in error: the custody events that earlier one produced. */
    private static Map<String, List<Long>> originals(DSLContext db, java.util.Collection<Pending> events, PreparedBatch.Carry carry) {
        List<String> hashes = events.stream().filter(p -> p.event().has("errorDeclaration")).map(p -> p.hash).toList();
        Map<String, List<Long>> out = new HashMap<>();
        if (!hashes.isEmpty()) {
            db.select(EPCIS_EVENT.HASH_ID, EPCIS_EVENT.CUSTODY_EVENT_IDS).from(EPCIS_EVENT).where(EPCIS_EVENT.HASH_ID.in(set(hashes.toArray(String[]::new))))
                    .forEach(r -> out.put(r.value1(), List.of(r.value2())));
            hashes.forEach(h -> {
                if (!out.containsKey(h) && carry.custodyIdsByKey().containsKey(h)) {
                    out.put(h, carry.custodyIdsByKey().get(h)); // declared in error in the batch still being written
                }
            });
        }
        return out;
    }

    /** The custody events one EPCIS event stands for: one per serialised unit of ours it names. */
    private void rows(DSLContext db, Pending p, Units units, Map<String, List<Long>> originals, List<Row> rows,
                      List<Consumer<DSLContext>> masterData) {
        ObjectNode e = p.event();
        String type = e.path("type").asText();
        String action = e.path("action").asText("OBSERVE");
        OffsetDateTime at = EpcisEvents.parseTime(e.path("eventTime").asText());
        String zone = e.path("eventTimeZoneOffset").asText();
        Optional<BizStep> step = e.has("bizStep") ? CbvMapping.step(e.get("bizStep").asText()) : Optional.empty();
        Optional<Disposition> disposition = e.has("disposition") ? CbvMapping.disposition(e.get("disposition").asText()) : Optional.empty();
        Long from = location(db, e.path("readPoint").path("id").asText(null));
        Long to = location(db, e.path("bizLocation").path("id").asText(null));
        Long source = master.party(db, first(e, "sourceList", "source"), PartyKind.supplier, masterData);
        Long destination = master.party(db, first(e, "destinationList", "destination"), PartyKind.customer, masterData);
        String transactions = transactions(e);
        List<Long> corrected = originals.get(p.hash);
        String flag = null;
        if (e.has("errorDeclaration")) {
            JsonNode d = e.get("errorDeclaration");
            flag = "EPCIS error declaration" + (d.has("reason") ? " (" + Cbv.Vocabulary.ERROR_REASON.term(d.get("reason").asText())
                    .orElse(d.get("reason").asText()) + ")" : "") + " of " + d.path("declarationTime").asText();
        }
        BizStep defaultStep = switch (action) {
            case "ADD" -> BizStep.commissioning;
            case "DELETE" -> BizStep.decommissioning;
            default -> BizStep.inspecting;
        };
        switch (type) {
            case "ObjectEvent", "TransactionEvent" -> {
                List<String> epcs = texts(e.get("epcList"));
                if (type.equals("TransactionEvent") && e.has("parentID")) {
                    epcs.add(e.get("parentID").asText());
                }
                for (String epc : epcs) {
                    // no disposition: a new unit (ADD) is active; any other event leaves the unit's as it was
                    // ("unknown" would count it as a loss)
                    Disposition d = disposition.orElseGet(() -> action.equals("ADD") ? Disposition.active : kept(units, epc));
                    add(rows, units, corrected, epc, at, zone, step.orElse(type.equals("TransactionEvent") ? BizStep.inspecting : defaultStep),
                            d, from, to, source, destination, null, transactions, flag);
                }
            }
            case "AggregationEvent" -> {
                Long parent = e.has("parentID") ? units.id(e.get("parentID").asText()) : null;
                BizStep aggregationStep = switch (action) {
                    case "ADD" -> BizStep.packing;
                    case "DELETE" -> BizStep.unpacking;
                    default -> step.orElse(BizStep.inspecting);
                };
                for (String epc : texts(e.get("childEPCs"))) {
                    add(rows, units, corrected, epc, at, zone, aggregationStep, disposition.orElseGet(() -> kept(units, epc)), from, to,
                            source, destination, parent, transactions, flag);
                }
            }
            case "TransformationEvent" -> {
                for (String epc : texts(e.get("inputEPCList"))) {
                    add(rows, units, corrected, epc, at, zone, BizStep.decommissioning, Disposition.non_sellable_other, from, to,
                            source, destination, null, transactions, flag);
                }
                for (String epc : texts(e.get("outputEPCList"))) {
                    add(rows, units, corrected, epc, at, zone, step.orElse(BizStep.commissioning), disposition.orElse(Disposition.active),
                            from, to, source, destination, null, transactions, flag);
                }
            }
            case "AssociationEvent" -> {
                // an asset (a sensor, a returnable tracker: the parentID, usually a GIAI) attached to or taken
                // from units: one custody event per unit of ours, the asset as its device; where the unit is
                // and its status do not change unless the event says so
                String asset = e.path("parentID").asText(null);
                String device = asset == null ? null : switch (action) {
                    case "ADD" -> "associated with " + asset;
                    case "DELETE" -> "dissociated from " + asset;
                    default -> "associated with " + asset + " (observed)";
                };
                // CBV "assembling"/"disassembling" map to packing/unpacking, which would change the unit's
                // parent (its case): an asset is not a case
                BizStep associationStep = switch (step.orElse(BizStep.inspecting)) {
                    case packing -> BizStep.installing;
                    case unpacking -> BizStep.inspecting;
                    default -> step.orElse(BizStep.inspecting);
                };
                for (String epc : texts(e.get("childEPCs"))) {
                    add(rows, units, corrected, epc, at, zone, associationStep, disposition.orElseGet(() -> kept(units, epc)),
                            from, to, source, destination, null, transactions, flag, device);
                }
            }
            default -> {
                // unknown types are refused by EventCheck
            }
        }
    }

    private static void add(List<Row> rows, Units units, List<Long> corrected, String epc, OffsetDateTime at, String zone,
                            BizStep step, Disposition disposition, Long from, Long to, Long source, Long destination, Long parent,
                            String transactions, String flag) {
        add(rows, units, corrected, epc, at, zone, step, disposition, from, to, source, destination, parent, transactions, flag,
                null);
    }

    private static void add(List<Row> rows, Units units, List<Long> corrected, String epc, OffsetDateTime at, String zone,
                            BizStep step, Disposition disposition, Long from, Long to, Long source, Long destination, Long parent,
                            String transactions, String flag, String device) {
        Long unit = units.id(epc);
        if (unit == null) {
            return; // not a serialised item (an SSCC, a class, a quantity): kept in epcis_event only
        }
        Long corrects = corrected == null || corrected.isEmpty() ? null : corrected.get(0);
        rows.add(new Row(unit, at, zone, step, disposition, from, to, source, destination, parent, transactions, epc,
                corrects, flag, device));
        units.saw(unit, at, disposition);
    }

    private static String first(ObjectNode e, String list, String field) {
        JsonNode l = e.get(list);
        return l == null || l.size() == 0 ? null : l.get(0).path(field).asText(null);
    }

    private static String transactions(ObjectNode e) {
        ArrayNode out = EpcisEvents.MAPPER.createArrayNode();
        for (JsonNode t : e.path("bizTransactionList")) {
            String type = t.has("type") ? Cbv.Vocabulary.BIZ_TRANSACTION_TYPE.term(t.get("type").asText()).orElse(t.get("type").asText()) : "other";
            out.addObject().put("type", type).put("id", BizTransactions.id(t.path("bizTransaction").asText()));
        }
        return out.toString();
    }

    static List<String> texts(JsonNode list) {
        List<String> out = new ArrayList<>();
        if (list != null) {
            list.forEach(n -> out.add(n.asText()));
        }
        return out;
    }

    private Long location(DSLContext db, String uri) {
        if (uri == null) {
            return null;
        }
        String path = EpcUris.parseLocationPath(uri);
        if (path == null) {
            return null;
        }
        Long id = locations.computeIfAbsent(path, k -> {
            var r = db.select(LOCATION.ID, LOCATION.SITE_ID).from(LOCATION).where(LOCATION.PATH.eq(k)).fetchOne();
            if (r == null) {
                return -1L;
            }
            siteOfLocation.put(r.value1(), r.value2());
            return r.value1();
        });
        return id < 0 ? null : id;
    }

    /** The unit's status after the events seen so far, for an event that states no disposition; unknown for a unit we never saw. */
    private static Disposition kept(Units units, String epc) {
        Long unit = units.id(epc);
        Disposition status = unit == null ? null : units.status.get(unit);
        return status != null ? status : Disposition.unknown;
    }

    /**
     * The units a batch names, found by GTIN + serial (or internal id) in one query each; those we
     * have never seen are created, with their product (and its maker) if the GTIN is new too, and
     * the lot and expiry their commissioning event's ILMD carries.
     */
    private final class Units {
        final Map<String, Long> byUri = new HashMap<>();
        /** Units by lookup key (GTIN|serial or internal|id): what the next batch's preparation carries. */
        final Map<String, Long> byLookup = new HashMap<>();
        /** Each unit's latest event before this batch (the database's, or the batch in flight's). */
        final Map<Long, OffsetDateTime> lastEventAt = new HashMap<>();
        private final Map<Long, OffsetDateTime> latestInBatch = new HashMap<>();
        /**
         * Status of each unit after the events seen so far (its latest by time, the database's before
         * this batch): an event without a disposition keeps it.
         */
        final Map<Long, Disposition> status = new HashMap<>();
        private final Map<Long, OffsetDateTime> statusAt = new HashMap<>();

        void saw(long unit, OffsetDateTime at, Disposition disposition) {
            latestInBatch.merge(unit, at, (a, b) -> a.isAfter(b) ? a : b);
            OffsetDateTime current = statusAt.getOrDefault(unit, lastEventAt.get(unit));
            if (current == null || !at.isBefore(current)) {
                status.put(unit, disposition);
                statusAt.put(unit, at);
            }
        }
        long created;
        /** Units staged in unit_pending by this batch. */
        private final Set<Long> pending = new HashSet<>();
        /** Their rows for unit_pending; null if none. */
        CopyRows newUnits;
        private final List<Consumer<DSLContext>> masterData;

        /** Each unit's latest event once this batch is written. */
        Map<Long, OffsetDateTime> lastEventAtAfter() {
            Map<Long, OffsetDateTime> after = new HashMap<>(lastEventAt);
            latestInBatch.forEach((unit, at) -> after.merge(unit, at, (a, b) -> b.isAfter(a) ? b : a));
            return after;
        }

        /** Units the database does not have yet, by lookup key: the URIs naming each, its key, and the ILMD first given for it. */
        private final Map<String, List<String>> missing = new LinkedHashMap<>();
        private final Map<String, EpcUris.UnitKey> missingKeys = new HashMap<>();
        private final Map<String, ObjectNode> ilmdOf = new HashMap<>();

        /** Finds the units the events name; those missing are created by {@link #createMissing}. */
        Units(DSLContext db, java.util.Collection<Pending> events, PreparedBatch.Carry carry, List<Consumer<DSLContext>> masterData) {
            this.masterData = masterData;
            Map<String, EpcUris.UnitKey> keys = new LinkedHashMap<>();
            for (Pending p : events) {
                for (String field : EpcisEvents.EPC_LISTS) {
                    for (String epc : texts(p.event().get(field))) {
                        EpcUris.UnitKey k = EpcUris.parseUnit(epc);
                        if (k != null) {
                            keys.putIfAbsent(epc, k);
                            if (p.event().has("ilmd") && !field.equals("inputEPCList") && !field.equals("childEPCs")) {
                                ilmdOf.putIfAbsent(epc, (ObjectNode) p.event().get("ilmd"));
                            }
                        }
                    }
                }
                if (p.event().has("parentID")) {
                    EpcUris.UnitKey k = EpcUris.parseUnit(p.event().get("parentID").asText());
                    if (k != null) {
                        keys.putIfAbsent(p.event().get("parentID").asText(), k);
                    }
                }
            }
            if (keys.isEmpty()) {
                return;
            }
            Set<String> norms = new HashSet<>();
            Set<String> internal = new HashSet<>();
            keys.values().forEach(k -> {
                if (k.internalId() != null) {
                    internal.add(k.internalId());
                } else {
                    norms.add(SerialNormalizer.normalize(k.serial()));
                }
            });
            Map<String, Record5<Long, String, String, OffsetDateTime, dev.serialtrace.db.jooq.enums.Disposition>> found = new HashMap<>();
            if (!norms.isEmpty()) {
                db.select(UNIT.ID, UNIT.SERIAL_NORM, DSL.coalesce(UNIT.GTIN, PRODUCT.GTIN), UNIT.LAST_EVENT_AT, UNIT.STATUS)
                        .from(UNIT).join(PRODUCT).on(PRODUCT.ID.eq(UNIT.PRODUCT_ID))
                        .where(UNIT.SERIAL_NORM.in(set(norms.toArray(String[]::new))))
                        .forEach(r -> found.put(r.value3() + "|" + r.value2(), r));
            }
            if (!internal.isEmpty()) {
                db.select(UNIT.ID, UNIT.INTERNAL_ID, UNIT.GTIN, UNIT.LAST_EVENT_AT, UNIT.STATUS).from(UNIT).where(UNIT.INTERNAL_ID.in(set(internal.toArray(String[]::new))))
                        .forEach(r -> found.put("internal|" + r.value2(), r));
            }
            for (Map.Entry<String, EpcUris.UnitKey> entry : keys.entrySet()) {
                EpcUris.UnitKey k = entry.getValue();
                String lookup = k.internalId() != null ? "internal|" + k.internalId()
                        : k.gtin() + "|" + SerialNormalizer.normalize(k.serial());
                Record5<Long, String, String, OffsetDateTime, dev.serialtrace.db.jooq.enums.Disposition> r = found.get(lookup);
                Long carried = carry.unitIds().get(lookup);
                if (r != null || carried != null) {
                    long id = r != null ? r.value1() : carried;
                    byUri.put(entry.getKey(), id);
                    byLookup.put(lookup, id);
                    // the batch in flight may have moved it on (or created it) since the database was read
                    lastEventAt.put(id, carry.lastEventAt().containsKey(id) ? carry.lastEventAt().get(id) : r != null ? r.value4() : null);
                    Disposition now = carry.status().containsKey(id) ? carry.status().get(id)
                            : r != null && r.value5() != null ? Disposition.valueOf(r.value5().name()) : null;
                    if (now != null) {
                        status.put(id, now);
                    }
                } else if (k.gtin() != null) {
                    missing.computeIfAbsent(lookup, x -> new ArrayList<>()).add(entry.getKey());
                    missingKeys.putIfAbsent(lookup, k);
                }
            }
        }

        /**
         * Why creating the missing units would need a product or lot this session may not add, by
         * each URI naming such a unit (with the field to blame); empty if none does.
         */
        Map<String, String[]> lacking(DSLContext db) {
            Map<String, String[]> lacking = new HashMap<>();
            missing.forEach((lookup, uris) -> {
                EpcUris.UnitKey k = missingKeys.get(lookup);
                long[] product = master.existingProduct(db, k.gtin());
                String[] why = null;
                if (product == null && !grants.products()) {
                    why = new String[] {null, ImportMasterData.productNotAllowed(k.gtin())};
                } else {
                    String lot = lotOf(uris);
                    if (lot != null && !grants.lots() && (product == null || !master.hasLot(db, product[0], lot))) {
                        why = new String[] {"ilmd", ImportMasterData.lotNotAllowed(lot, k.gtin())};
                    }
                }
                if (why != null) {
                    for (String uri : uris) {
                        lacking.put(uri, why);
                    }
                }
            });
            return lacking;
        }

        private String lotOf(List<String> uris) {
            ObjectNode ilmd = ilmdOf(uris);
            return ilmd != null && ilmd.has(EpcisEvents.LOT) ? ilmd.get(EpcisEvents.LOT).asText() : null;
        }

        /** The ILMD first given for a unit, by any of the URIs naming it; null if none. */
        private ObjectNode ilmdOf(List<String> uris) {
            return uris.stream().map(ilmdOf::get).filter(java.util.Objects::nonNull).findFirst().orElse(null);
        }

        /**
         * New units in one sequence query and one COPY, whatever their number, into unit_pending: the
         * custody event trigger inserts each into unit with the state of its first events (one write
         * of the row instead of an insert and an update); {@link #unnamed} names the rest.
         */
        void createMissing(DSLContext db) {
            if (missing.isEmpty()) {
                return;
            }
            // the sequence found once: pg_get_serial_sequence per row cost more than the 1,000 nextvals of a batch
            if (unitSequence == null) {
                unitSequence = db.select(DSL.field("pg_get_serial_sequence('unit', 'id')", String.class)).fetchOne(0, String.class);
            }
            List<Long> ids = db.select(DSL.field("nextval({0}::regclass)", Long.class, DSL.inline(unitSequence)))
                    .from(DSL.generateSeries(1, missing.size())).fetch(0, Long.class);
            CopyRows rows = new CopyRows("unit_pending", "id, internal_id, product_id, manufacturer_id, serial, gtin, lot_id, expiry");
            int i = 0;
            for (Map.Entry<String, List<String>> m : missing.entrySet()) {
                EpcUris.UnitKey k = missingKeys.get(m.getKey());
                ObjectNode ilmd = ilmdOf(m.getValue());
                long[] product = master.product(db, k.gtin(), k.companyPrefixLength(), masterData);
                LocalDate expiry = null;
                if (ilmd != null && ilmd.has(EpcisEvents.EXPIRY)) {
                    try {
                        expiry = LocalDate.parse(ilmd.get(EpcisEvents.EXPIRY).asText());
                    } catch (RuntimeException notADate) {
                        expiry = null;
                    }
                }
                Long lot = null;
                if (ilmd != null && ilmd.has(EpcisEvents.LOT)) {
                    lot = master.lot(db, product[0], ilmd.get(EpcisEvents.LOT).asText(), expiry, masterData);
                }
                long id = ids.get(i++);
                pending.add(id);
                rows.value(id).value(InternalUnitId.format(id)).value(product[0]).value(product[1]).value(k.serial())
                        .value(k.gtin()).value(lot).value(expiry).endRow();
                for (String uri : m.getValue()) {
                    byUri.put(uri, id);
                }
                byLookup.put(m.getKey(), id);
                created++;
            }
            newUnits = rows;
        }

        Long id(String epc) {
            return byUri.get(epc);
        }

        /** Staged units no custody event of the batch is for (a parent, say): they go into unit without state. */
        Long[] unnamed(List<Row> rows) {
            Set<Long> unnamed = new HashSet<>(pending);
            for (Row r : rows) {
                unnamed.remove(r.unitId());
            }
            return unnamed.toArray(Long[]::new);
        }

    }
}
