package dev.serialtrace.desktop.audit;

import dev.serialtrace.core.identify.ParserOptions;
import dev.serialtrace.core.identify.ScanParser;
import dev.serialtrace.db.audit.AuditClassifier;
import dev.serialtrace.db.audit.AuditPlanning;
import dev.serialtrace.db.audit.AuditScan;
import dev.serialtrace.db.audit.AuditScope;
import dev.serialtrace.db.audit.AuditSnapshot;
import dev.serialtrace.db.audit.Classification;
import dev.serialtrace.db.audit.Discrepancy;
import dev.serialtrace.db.audit.LocationToCount;
import dev.serialtrace.db.audit.OverlappingAuditException;
import dev.serialtrace.db.audit.Resolution;
import dev.serialtrace.db.audit.ScanClass;
import dev.serialtrace.db.audit.StockRetrofit;
import dev.serialtrace.db.signature.Signature;
import dev.serialtrace.db.signature.SignatureMeaning;
import dev.serialtrace.db.signature.SignatureRefusedException;
import dev.serialtrace.db.signature.SignatureRequest;
import dev.serialtrace.db.unit.Suggestion;
import dev.serialtrace.desktop.common.BackgroundTask;
import dev.serialtrace.desktop.common.TaskExecutor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The audit screen without controls: planning (subtree, filter, sample, last counted and due),
 * scanning (classification, progress, offline journal), closing and resolving, retrofitting.
 * Database work runs as background tasks; scans go through the {@link ScanPipeline}, which keeps
 * them in order and journals each before it is sent.
 */
public final class AuditViewModel implements AutoCloseable {
    /** How the locations of an audit are chosen. */
    public enum Sampling {
        SUBTREE("Whole subtree"), RANDOM("Random sample"), RISK("Risk-weighted sample");

        private final String label;

        Sampling(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private final Supplier<AuditServices> services;
    private final TaskExecutor tasks;
    private final Executor ui;
    private final Path journals;
    private final Clock clock;
    private final long retryMillis;
    private final Consumer<Classification> feedback;

    // planning
    private final StringProperty rootPath = new SimpleStringProperty("");
    private final StringProperty category = new SimpleStringProperty("");
    private final ObjectProperty<Sampling> sampling = new SimpleObjectProperty<>(Sampling.SUBTREE);
    private final IntegerProperty sampleSize = new SimpleIntegerProperty(5);
    private final ObservableList<LocationToCount> locations = FXCollections.observableArrayList();
    private final ObservableList<LocationToCount> chosen = FXCollections.observableArrayList();
    private final ObservableList<AuditPlanning.OpenAudit> openAudits = FXCollections.observableArrayList();
    private final StringProperty planMessage = new SimpleStringProperty("");
    private final BooleanProperty planProblem = new SimpleBooleanProperty();

    // scanning
    private final ObjectProperty<AuditSnapshot> audit = new SimpleObjectProperty<>();
    private final ObservableList<LocationChoice> scopeLocations = FXCollections.observableArrayList();
    private final ObjectProperty<LocationChoice> currentLocation = new SimpleObjectProperty<>();
    private final ObjectProperty<ScanClass> lastKind = new SimpleObjectProperty<>();
    private final StringProperty lastCapture = new SimpleStringProperty("");
    private final StringProperty lastDetail = new SimpleStringProperty("Scan the first unit.");
    private final ObservableList<Suggestion> didYouMean = FXCollections.observableArrayList();
    private final ObservableList<ScanRow> scans = FXCollections.observableArrayList();
    private final Map<UUID, ScanRow> rows = new HashMap<>();
    private final IntegerProperty expected = new SimpleIntegerProperty();
    private final IntegerProperty found = new SimpleIntegerProperty();
    private final IntegerProperty missing = new SimpleIntegerProperty();
    private final IntegerProperty unexpected = new SimpleIntegerProperty();
    private final StringProperty accuracy = new SimpleStringProperty("—");
    private final IntegerProperty waiting = new SimpleIntegerProperty();
    private final BooleanProperty online = new SimpleBooleanProperty(true);
    private final StringProperty sendingState = new SimpleStringProperty("");
    private final ObservableList<StockRetrofit.UntrackedStock> untracked = FXCollections.observableArrayList();
    private final ObjectProperty<StockRetrofit.UntrackedStock> retrofitInto = new SimpleObjectProperty<>();
    /** Untracked quantity left per stock row as this client counts it (the database has the last word). */
    private final Map<Long, Integer> retrofitLeft = new java.util.HashMap<>();

    // closing
    private final BooleanProperty closed = new SimpleBooleanProperty();
    // role-aware UI (issue 8): set from the signed-in person's roles; the database still refuses
    private final BooleanProperty mayRunAudits = new SimpleBooleanProperty(true);
    private final BooleanProperty maySign = new SimpleBooleanProperty(true);
    private final ObservableList<Discrepancy> discrepancies = FXCollections.observableArrayList();
    private final StringProperty closeSummary = new SimpleStringProperty("");
    private final StringProperty contentHash = new SimpleStringProperty("");

    // sign-off
    private final ObservableList<String> signatures = FXCollections.observableArrayList();
    private final StringProperty signMessage = new SimpleStringProperty("");

    private AuditClassifier classifier;
    private ScanPipeline pipeline;

    /**
     * @param ui       runs pipeline callbacks on the FX thread ({@code Platform::runLater}; tests: {@code Runnable::run})
     * @param journals the directory of the scan journals (under the data home)
     * @param feedback sound (and anything else) per verdict
     */
    public AuditViewModel(Supplier<AuditServices> services, TaskExecutor tasks, Executor ui, Path journals, Clock clock,
                          long retryMillis, Consumer<Classification> feedback) {
        this.services = services;
        this.tasks = tasks;
        this.ui = ui;
        this.journals = journals;
        this.clock = clock;
        this.retryMillis = retryMillis;
        this.feedback = feedback;
    }

    /** A location of the scope, as the "I am at" choice shows it. */
    public record LocationChoice(Long id, String path) {
        @Override
        public String toString() {
            return path;
        }
    }

    // ------------------------------------------------------------------ planning

    public void loadLocations() {
        String root = rootPath.get().strip();
        String cat = category.get().isBlank() ? null : category.get().strip();
        BackgroundTask.of(p -> {
                    p.update("Reading locations under " + (root.isEmpty() ? "all sites" : root) + "…", -1);
                    return services.get().planning().locationsUnder(root, null, cat, OffsetDateTime.now(clock));
                })
                .onSuccess(l -> {
                    locations.setAll(l);
                    choose();
                    long due = l.stream().filter(LocationToCount::due).count();
                    say(l.isEmpty() ? "No countable locations under " + root + "." :
                            l.size() + " locations, " + due + " due for counting.", l.isEmpty());
                })
                .onOtherFailure(e -> say("Could not read the locations: " + e.getMessage(), true))
                .executeWith(tasks);
        refreshOpenAudits();
    }

    /** Applies the sampling to the loaded locations. */
    public void choose() {
        List<LocationToCount> l = List.copyOf(locations);
        long seed = clock.millis();
        chosen.setAll(switch (sampling.get()) {
            case SUBTREE -> l;
            case RANDOM -> AuditPlanning.randomSample(l, sampleSize.get(), seed);
            case RISK -> AuditPlanning.riskWeightedSample(l, sampleSize.get(), seed);
        });
    }

    public void refreshOpenAudits() {
        BackgroundTask.of(p -> services.get().planning().openAudits())
                .onSuccess(openAudits::setAll)
                .executeWith(tasks);
    }

    /** Plans an audit of the chosen locations and starts it (the expected units are snapshotted now). */
    public void planAndStart() {
        if (chosen.isEmpty()) {
            say("Choose at least one location: load a subtree first.", true);
            return;
        }
        String cat = category.get().isBlank() ? null : category.get().strip();
        String sample = sampling.get() == Sampling.SUBTREE ? "subtree" : sampling.get() == Sampling.RANDOM
                ? "random " + chosen.size() : "risk-weighted " + chosen.size();
        AuditScope scope = new AuditScope(rootPath.get().strip(), null, cat, sample,
                chosen.stream().map(LocationToCount::locationId).toList());
        BackgroundTask.of(p -> {
                    p.update("Planning the audit and taking its snapshot…", -1);
                    AuditServices s = services.get();
                    long id = s.planning().plan(scope, null);
                    return s.commands().start(id);
                })
                .onSuccess(this::begin)
                .onFailure(OverlappingAuditException.class, e -> say(e.getMessage(), true))
                .onOtherFailure(e -> say("Could not start the audit: " + e.getMessage(), true))
                .executeWith(tasks);
    }

    /** Continues an audit planned or started earlier (after a restart, its journal is replayed). */
    public void resume(AuditPlanning.OpenAudit open) {
        BackgroundTask.of(p -> services.get().commands().start(open.id()))
                .onSuccess(this::begin)
                .onOtherFailure(e -> say("Could not open " + open.code() + ": " + e.getMessage(), true))
                .executeWith(tasks);
    }

    private void say(String message, boolean problem) {
        planMessage.set(message);
        planProblem.set(problem);
    }

    // ------------------------------------------------------------------ scanning

    private void begin(AuditSnapshot snapshot) {
        closePipeline();
        AuditServices s = services.get();
        classifier = new AuditClassifier(snapshot, new ScanParser(ParserOptions.defaults(clock)), s.lookup());
        ScanJournal journal = new ScanJournal(journals.resolve(snapshot.code() + ".journal"));
        BackgroundTask.of(p -> s.commands().scans(snapshot.auditId()))
                .onSuccess(stored -> {
                    // scans stored earlier, and those the journal holds that never reached the database
                    Map<UUID, AuditScan> all = new java.util.LinkedHashMap<>();
                    stored.forEach(x -> all.put(x.clientScanId(), x));
                    journal.all().forEach(x -> all.putIfAbsent(x.clientScanId(), x));
                    classifier.restore(all.values().stream().filter(x -> x.classification() != ScanClass.PENDING).toList());
                    int lastSeq = all.values().stream().mapToInt(AuditScan::seq).max().orElse(0);
                    audit.set(snapshot);
                    closed.set(false);
                    discrepancies.clear();
                    scans.clear();
                    rows.clear();
                    all.values().stream().sorted(java.util.Comparator.comparingInt(AuditScan::seq).reversed())
                            .forEach(x -> addRow(x));
                    scopeLocations.setAll(snapshot.locations().entrySet().stream()
                            .map(e -> new LocationChoice(e.getKey(), e.getValue())).toList());
                    currentLocation.set(scopeLocations.isEmpty() ? null : scopeLocations.get(0));
                    lastKind.set(null);
                    lastCapture.set("");
                    lastDetail.set("Audit " + snapshot.code() + ": " + snapshot.expected().size()
                            + " units expected. Scan the first unit.");
                    pipeline = new ScanPipeline(classifier, journal, lastSeq, x -> services.get().commands().store(x).scan(), ui,
                            new ScanPipeline.Listener() {
                                @Override
                                public void classified(AuditScan scan, Classification c) {
                                    show(scan, c);
                                }

                                @Override
                                public void suggested(AuditScan scan, Classification c) {
                                    showNearMatches(scan, c);
                                }

                                @Override
                                public void sending(int n, boolean up, String problem) {
                                    sendingChanged(n, up);
                                }
                            }, clock, retryMillis);
                    refreshProgress();
                    loadUntracked(snapshot);
                    say("Audit " + snapshot.code() + " is running.", false);
                })
                .onOtherFailure(e -> say("Could not read the audit's scans: " + e.getMessage(), true))
                .executeWith(tasks);
    }

    /** A capture from the scanner (or typed: then {@code manualReason} is required). */
    public void capture(String raw, boolean scanned, String manualReason) {
        AuditSnapshot a = audit.get();
        if (a == null || closed.get() || raw == null || raw.isBlank()) {
            return;
        }
        if (!scanned && (manualReason == null || manualReason.isBlank())) {
            lastKind.set(ScanClass.INVALID);
            lastCapture.set(raw);
            lastDetail.set("Typed by hand: give a reason (label damaged, scanner fault…) and press Enter again.");
            return;
        }
        if (retrofitInto.get() != null) {
            retrofit(raw, scanned, manualReason);
            return;
        }
        LocationChoice at = currentLocation.get();
        pipeline.submit(a.auditId(), raw, !scanned, scanned ? null : manualReason.strip(), at == null ? null : at.id());
    }

    private void show(AuditScan scan, Classification c) {
        ScanRow row = rows.get(scan.clientScanId());
        if (row == null) {
            row = addRow(scan);
        } else {
            row.kindProperty().set(c.kind());
            row.detailProperty().set(c.detail());
        }
        lastKind.set(c.kind());
        lastCapture.set(row.shown());
        lastDetail.set(c.detail() == null ? "" : c.detail());
        didYouMean.setAll(c.didYouMean());
        refreshProgress();
        feedback.accept(c);
        if (c.kind() == ScanClass.RETROFITTED && c.unitId() != null) {
            loadUntracked(audit.get());   // the stock's untracked quantity went down
        }
    }

    /** Candidates for an unknown scan: its row tells them; the panel shows them if it is still the latest scan. */
    private void showNearMatches(AuditScan scan, Classification c) {
        ScanRow row = rows.get(scan.clientScanId());
        if (row == null) {
            return;
        }
        row.detailProperty().set(c.detail());
        if (scans.isEmpty() || scans.get(0) == row) {
            lastDetail.set(c.detail());
            didYouMean.setAll(c.didYouMean());
        }
    }

    private ScanRow addRow(AuditScan scan) {
        ScanRow row = new ScanRow(scan.seq(), scan.scannedAt(), scan.rawInput(), scan.manual(), scan.classification(), scan.detail());
        rows.put(scan.clientScanId(), row);
        int i = 0;
        while (i < scans.size() && scans.get(i).seq() > scan.seq()) {
            i++;
        }
        scans.add(i, row);
        return row;
    }

    private void sendingChanged(int n, boolean up) {
        waiting.set(n);
        online.set(up);
        sendingState.set(up ? (n == 0 ? "online — every scan stored" : "online — storing " + n + (n == 1 ? " scan" : " scans"))
                : "offline — " + n + (n == 1 ? " scan" : " scans") + " waiting");
    }

    private void refreshProgress() {
        if (classifier == null) {
            return;
        }
        expected.set(classifier.expectedCount());
        found.set(classifier.foundCount());
        missing.set(classifier.missingSoFar());
        unexpected.set(classifier.unexpectedCount());
        accuracy.set(String.format("%.1f %%", classifier.accuracy() * 100));
    }

    /** The health monitor saw the database come back: send what waits now. */
    public void connectionRestored() {
        if (pipeline != null) {
            pipeline.retryNow();
        }
    }

    public ScanPipeline pipeline() {
        return pipeline;
    }

    // ------------------------------------------------------------------ retrofitting

    private void loadUntracked(AuditSnapshot snapshot) {
        List<Long> ids = List.copyOf(snapshot.locations().keySet());
        BackgroundTask.of(p -> services.get().retrofit().untrackedAt(ids))
                .onSuccess(list -> {
                    // new quantities, same choice: retrofitting goes on while the stock has some left
                    Long keep = retrofitInto.get() == null ? null : retrofitInto.get().stockId();
                    untracked.setAll(list);
                    retrofitInto.set(list.stream().filter(u -> keep != null && u.stockId() == keep && u.quantity() > 0)
                            .findFirst().orElse(null));
                })
                .executeWith(tasks);
    }

    /**
     * A serial captured from the chosen quantity stock: journaled and sent like every scan, so it
     * survives an outage; retrofit mode stays on (counting a shelf serialises it as it goes) until
     * switched off or the stock has nothing left untracked.
     */
    private void retrofit(String raw, boolean scanned, String reason) {
        StockRetrofit.UntrackedStock into = retrofitInto.get();
        AuditSnapshot a = audit.get();
        pipeline.submitRetrofit(a.auditId(), dev.serialtrace.desktop.scan.KeystrokeBurst.fromTextField(raw).strip(), !scanned,
                scanned ? null : reason.strip(), into.locationId(), into.stockId(),
                "serialising from stock " + into.sku() + " at " + into.locationPath() + "; earlier history unknown");
        int left = retrofitLeft.merge(into.stockId(), into.quantity() - 1, (was, ignored) -> was - 1);
        if (left <= 0) {
            retrofitInto.set(null);
        }
    }

    // ------------------------------------------------------------------ closing and resolving

    /** Closes the audit once every scan is stored; the discrepancies follow. */
    public void closeAudit() {
        AuditSnapshot a = audit.get();
        if (a == null) {
            return;
        }
        if (waiting.get() > 0 || !online.get()) {
            lastDetail.set("Cannot close yet: " + waiting.get() + " scans are not in the database. Closing waits for the connection.");
            return;
        }
        ScanPipeline p0 = pipeline;
        BackgroundTask.of(p -> {
                    p.update("Closing " + a.code() + "…", -1);
                    p0.flush(30_000);
                    if (p0.waiting() > 0) {
                        throw new IllegalStateException(p0.waiting() + " scans are not stored yet");
                    }
                    AuditServices s = services.get();
                    List<Discrepancy> d = s.commands().close(a.auditId());
                    return new Closed(d, s.commands().audit(a.auditId()), s.commands().contentHash(a.auditId()));
                })
                .onSuccess(c -> {
                    closed.set(true);
                    discrepancies.setAll(c.discrepancies());
                    var h = c.header();
                    closeSummary.set(String.format("Closed: %d expected, %d found, %d missing, %d unexpected — accuracy %s",
                            h.getExpectedCount(), h.getFoundCount(), h.getMissingCount(), h.getUnexpectedCount(),
                            h.getExpectedCount() + h.getUnexpectedCount() == 0 ? "—" : String.format("%.1f %%",
                                    100.0 * h.getFoundCount() / (h.getExpectedCount() + h.getUnexpectedCount()))));
                    contentHash.set(HexFormat.of().formatHex(c.hash()));
                    refreshOpenAudits();
                    loadSignatures(a.auditId());
                })
                .onOtherFailure(e -> lastDetail.set("Could not close: " + rootMessage(e)))
                .executeWith(tasks);
    }

    private record Closed(List<Discrepancy> discrepancies, dev.serialtrace.db.jooq.tables.records.SpotAuditRecord header,
                          byte[] hash) {
    }

    /** Resolves one discrepancy; {@code onError} hears a refusal (no reason, not allowed for its kind). */
    public void resolve(Discrepancy d, Resolution r, String reason, Consumer<String> onError) {
        if (d == null || r == null) {
            onError.accept("Choose a discrepancy and a resolution.");
            return;
        }
        if (reason == null || reason.isBlank()) {
            onError.accept("Say why: every resolution needs a reason.");
            return;
        }
        long auditId = d.auditId();
        BackgroundTask.of(p -> {
                    AuditServices s = services.get();
                    s.commands().resolve(d.id(), r, reason, null, OffsetDateTime.now(clock));
                    return new Resolved(s.commands().discrepancies(auditId), s.commands().contentHash(auditId));
                })
                .onSuccess(x -> {
                    discrepancies.setAll(x.discrepancies());
                    contentHash.set(HexFormat.of().formatHex(x.hash()));
                    loadSignatures(auditId);
                })
                .onOtherFailure(e -> onError.accept(rootMessage(e)))
                .executeWith(tasks);
    }

    private record Resolved(List<Discrepancy> discrepancies, byte[] hash) {
    }

    // ------------------------------------------------------------------ sign-off

    /**
     * Signs the closed audit: the person re-enters their user ID and password; the signature binds
     * the audit's current content hash. Refused while a discrepancy is unresolved. An approval
     * marks the audit signed. The password is wiped after use.
     */
    public void sign(SignatureMeaning meaning, String user, char[] password) {
        AuditSnapshot a = audit.get();
        if (a == null || !closed.get()) {
            signMessage.set("Close the audit first.");
            return;
        }
        long open = discrepancies.stream().filter(d -> !d.resolved()).count();
        if (open > 0) {
            signMessage.set("Resolve every discrepancy before signing: " + open + " still open.");
            Arrays.fill(password, '\0');
            return;
        }
        long id = a.auditId();
        BackgroundTask.of(p -> {
                    p.update("Recording the signature…", -1);
                    AuditServices s = services.get();
                    try {
                        Signature sig = s.signatures().get().sign(new SignatureRequest("spot_audit", id, s.commands().contentHash(id),
                                meaning, user, password));
                        if (meaning == SignatureMeaning.APPROVED) {
                            s.commands().markSigned(id);
                        }
                        return sig;
                    } finally {
                        Arrays.fill(password, '\0');
                    }
                })
                .onSuccess(sig -> {
                    signMessage.set("Signed: " + sig.manifestation());
                    loadSignatures(id);
                })
                .onFailure(SignatureRefusedException.class, e -> signMessage.set(e.getMessage()))
                .onOtherFailure(e -> signMessage.set("Not signed: " + rootMessage(e)))
                .executeWith(tasks);
    }

    private void loadSignatures(long auditId) {
        BackgroundTask.of(p -> {
                    AuditServices s = services.get();
                    byte[] now = s.commands().contentHash(auditId);
                    return s.signatures().get().forSubject("spot_audit", auditId).stream()
                            .map(sig -> (sig.bindsTo(now) ? "✔ valid — " : "✖ INVALID, the audit changed after signing — ")
                                    + sig.printedName() + " (" + sig.signer() + "), "
                                    + sig.meaning().name().toLowerCase(java.util.Locale.ROOT).replace("performed", "performed by")
                                    .replace("reviewed", "reviewed by").replace("approved", "approved by")
                                    + ", " + sig.signedAt().withOffsetSameInstant(java.time.ZoneOffset.UTC)
                                    .format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")))
                            .toList();
                })
                .onSuccess(signatures::setAll)
                .executeWith(tasks);
    }

    public ObservableList<String> signatures() { return signatures; }
    public StringProperty signMessageProperty() { return signMessage; }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage() == null ? t.toString() : t.getMessage();
        return m.startsWith("ERROR: ") ? m.substring(7).split("\n")[0] : m;
    }

    private void closePipeline() {
        if (pipeline != null) {
            pipeline.close();
            pipeline = null;
        }
    }

    @Override
    public void close() {
        closePipeline();
    }

    // ------------------------------------------------------------------ properties

    public StringProperty rootPathProperty() { return rootPath; }
    public StringProperty categoryProperty() { return category; }
    public ObjectProperty<Sampling> samplingProperty() { return sampling; }
    public IntegerProperty sampleSizeProperty() { return sampleSize; }
    public ObservableList<LocationToCount> locations() { return locations; }
    public ObservableList<LocationToCount> chosen() { return chosen; }
    public ObservableList<AuditPlanning.OpenAudit> openAudits() { return openAudits; }
    public StringProperty planMessageProperty() { return planMessage; }
    public BooleanProperty planProblemProperty() { return planProblem; }
    public ObjectProperty<AuditSnapshot> auditProperty() { return audit; }
    public ObservableList<LocationChoice> scopeLocations() { return scopeLocations; }
    public ObjectProperty<LocationChoice> currentLocationProperty() { return currentLocation; }
    public ObjectProperty<ScanClass> lastKindProperty() { return lastKind; }
    public StringProperty lastCaptureProperty() { return lastCapture; }
    public StringProperty lastDetailProperty() { return lastDetail; }
    public ObservableList<Suggestion> didYouMean() { return didYouMean; }
    public ObservableList<ScanRow> scans() { return scans; }
    public IntegerProperty expectedProperty() { return expected; }
    public IntegerProperty foundProperty() { return found; }
    public IntegerProperty missingProperty() { return missing; }
    public IntegerProperty unexpectedProperty() { return unexpected; }
    public StringProperty accuracyProperty() { return accuracy; }
    public IntegerProperty waitingProperty() { return waiting; }
    public BooleanProperty onlineProperty() { return online; }
    public StringProperty sendingStateProperty() { return sendingState; }
    public ObservableList<StockRetrofit.UntrackedStock> untracked() { return untracked; }
    public ObjectProperty<StockRetrofit.UntrackedStock> retrofitIntoProperty() { return retrofitInto; }
    public BooleanProperty closedProperty() { return closed; }
    public BooleanProperty mayRunAuditsProperty() { return mayRunAudits; }
    public BooleanProperty maySignProperty() { return maySign; }
    public ObservableList<Discrepancy> discrepancies() { return discrepancies; }
    public StringProperty closeSummaryProperty() { return closeSummary; }
    public StringProperty contentHashProperty() { return contentHash; }
}
