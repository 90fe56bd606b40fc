package dev.serialtrace.desktop.integrity;

import dev.serialtrace.db.integrity.Anchor;
import dev.serialtrace.db.integrity.ChainBreak;
import dev.serialtrace.db.integrity.VerificationReport;
import dev.serialtrace.desktop.common.BackgroundTask;
import dev.serialtrace.desktop.common.TaskExecutor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The integrity screen: verify one unit's chain or everything, see every break, anchor (only for
 * the roles that may — the button is disabled otherwise, and the database refuses anyway).
 */
public final class IntegrityViewModel {
    /** What the screen asks of the database (implemented over the session's ChainVerifier). */
    public interface Checks {
        VerificationReport verifyUnit(String input);

        VerificationReport verifyAll(BackgroundTask.Progress progress);

        Anchor anchor();

        /** Where custody history lives (archived months), the latest archive/purge run, the retention rules. */
        dev.serialtrace.db.archive.ArchiveState archiveState();
    }

    private final Checks checks;
    private final TaskExecutor tasks;
    private final StringProperty unitInput = new SimpleStringProperty("");
    private final StringProperty summary = new SimpleStringProperty("Verify one unit or all of them: the chains are recomputed from the events as stored.");
    private final StringProperty anchorText = new SimpleStringProperty("");
    private final StringProperty lifecycle = new SimpleStringProperty("");
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final BooleanProperty intact = new SimpleBooleanProperty(true);
    private final BooleanProperty mayAnchor = new SimpleBooleanProperty();
    private final ObservableList<ChainBreak> breaks = FXCollections.observableArrayList();

    public IntegrityViewModel(Checks checks, TaskExecutor tasks) {
        this.checks = checks;
        this.tasks = tasks;
    }

    public void verifyUnit() {
        String input = unitInput.get() == null ? "" : unitInput.get().trim();
        if (input.isEmpty()) {
            summary.set("Scan or type the unit to verify.");
            return;
        }
        run(BackgroundTask.of(p -> checks.verifyUnit(input)));
    }

    public void verifyAll() {
        run(BackgroundTask.of(checks::verifyAll));
    }

    public void anchor() {
        running.set(true);
        tasks.execute(BackgroundTask.of(p -> checks.anchor())
                .onSuccess(a -> {
                    running.set(false);
                    anchorText.set("Anchored now: anchor " + a.id() + ", " + a.linkCount() + " new links — digest " + a.digestHex()
                            + " (keep it outside the database)");
                })
                .onOtherFailure(this::failed));
    }

    /** Shown: the archive and retention state, so a compliance officer sees what verification covers. */
    public void refreshLifecycle() {
        tasks.execute(BackgroundTask.of(p -> checks.archiveState())
                .onSuccess(state -> lifecycle.set(describe(state)))
                .onOtherFailure(e -> lifecycle.set("Archive state unknown: "
                        + (e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("")))));
    }

    static String describe(dev.serialtrace.db.archive.ArchiveState state) {
        String rules = state.rules().stream().map(r -> r.regulation() + " " + r.describeAge())
                .collect(java.util.stream.Collectors.joining(", "));
        return "Custody history: " + state.summary() + ". Verification covers archived months too. Retention: "
                + (rules.isEmpty() ? "no rule" : rules) + " — nothing under retention can be purged.";
    }

    private void run(BackgroundTask<VerificationReport> task) {
        running.set(true);
        summary.set("Verifying …");
        tasks.execute(task.onSuccess(this::show)
                .onFailure(IllegalArgumentException.class, e -> failed(e))
                .onOtherFailure(this::failed));
    }

    private void show(VerificationReport r) {
        running.set(false);
        breaks.setAll(r.breaks());
        intact.set(r.intact());
        summary.set(String.format("%s: %s — %,d units, %,d events, %d %s checked in %.1f s", r.scope(),
                r.intact() ? "intact, no break" : r.breaks().size() + (r.breaks().size() == 1 ? " break" : " breaks"),
                r.units(), r.events(), r.anchorsChecked(), r.anchorsChecked() == 1 ? "anchor" : "anchors",
                r.elapsed().toMillis() / 1000.0));
        anchorText.set(r.newestAnchor().map(a -> "Newest anchor " + a.id() + " of " + a.anchoredAt() + ": " + a.digestHex())
                .orElse("No anchor yet."));
    }

    private void failed(Throwable e) {
        running.set(false);
        summary.set("Could not verify: " + (e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("")));
    }

    public StringProperty unitInputProperty() { return unitInput; }
    public StringProperty summaryProperty() { return summary; }
    public StringProperty anchorTextProperty() { return anchorText; }
    public StringProperty lifecycleProperty() { return lifecycle; }
    public ReadOnlyBooleanProperty runningProperty() { return running; }
    public ReadOnlyBooleanProperty intactProperty() { return intact; }
    public BooleanProperty mayAnchorProperty() { return mayAnchor; }
    public ObservableList<ChainBreak> breaks() { return breaks; }
}
