package dev.serialtrace.desktop.exchange;

import dev.serialtrace.db.epcis.EpcisDocumentWriter;
import dev.serialtrace.db.epcis.EpcisImporter;
import dev.serialtrace.db.epcis.SerialReconciler;
import dev.serialtrace.desktop.common.BackgroundTask;
import dev.serialtrace.desktop.common.TaskExecutor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The Exchange screen: import an EPCIS document (progress, cancel, the refused events named),
 * export a unit's history, and reconcile a manufacturer's serial list with counts and findings that
 * open the unit's dossier. All work runs as background tasks.
 */
public final class ExchangeViewModel {

    /** What the screen needs from the database (the session supplies it). */
    public interface Services {
        EpcisImporter.Report importFile(Path file, EpcisImporter.Options options, EpcisImporter.Progress progress,
                                        BooleanSupplier cancelled) throws IOException;

        SerialReconciler.Report reconcile(Path file) throws IOException;

        long exportUnit(long unitId, EpcisDocumentWriter.Format format, boolean digitalLink, Path out) throws IOException;
    }

    /** One reconciliation finding as the table shows it. */
    public record FindingRow(String kind, String gtin, String serial, String unit, String detail) {
    }

    private final Services services;
    private final TaskExecutor tasks;
    private final Consumer<String> openUnit;
    private final StringProperty status = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final BooleanProperty running = new SimpleBooleanProperty(false);
    private final BooleanProperty dryRun = new SimpleBooleanProperty(false);
    private final BooleanProperty acceptPartial = new SimpleBooleanProperty(false);
    private final ObservableList<EpcisImporter.Failure> failures = FXCollections.observableArrayList();
    private final ObservableList<String> counts = FXCollections.observableArrayList();
    private final ObservableList<FindingRow> findings = FXCollections.observableArrayList();
    private AtomicBoolean cancel = new AtomicBoolean();

    // role-aware UI (issue 8): set from the signed-in person's roles; the database still refuses
    private final javafx.beans.property.BooleanProperty mayImport = new javafx.beans.property.SimpleBooleanProperty(true);

    public javafx.beans.property.BooleanProperty mayImportProperty() { return mayImport; }

    public ExchangeViewModel(Services services, TaskExecutor tasks, Consumer<String> openUnit) {
        this.services = services;
        this.tasks = tasks;
        this.openUnit = openUnit;
    }

    public void importFile(Path file) {
        if (running.get()) {
            return;
        }
        AtomicBoolean stop = new AtomicBoolean();
        cancel = stop;
        start("Reading " + file.getFileName() + " …");
        failures.clear();
        EpcisImporter.Options options = new EpcisImporter.Options(dryRun.get(), acceptPartial.get(), file.getFileName().toString(), EpcisImporter.DEFAULT_BATCH);
        BackgroundTask.<EpcisImporter.Report>of(p -> services.importFile(file, options,
                        (phase, done, total) -> p.update(String.format("%s %,d%s events", phase, done,
                                total > 0 ? String.format(" of %,d", total) : ""), total > 0 ? (double) done / total : -1),
                        stop::get))
                .onProgress((message, fraction) -> {
                    status.set(message);
                    progress.set(fraction);
                })
                .onSuccess(r -> {
                    running.set(false);
                    progress.set(1);
                    status.set(summary(file, r));
                    failures.setAll(r.failures());
                })
                .onOtherFailure(this::failed)
                .executeWith(tasks);
    }

    static String summary(Path file, EpcisImporter.Report r) {
        String verb = r.dryRun() ? "would be imported" : "imported";
        String s = String.format("%s%s: %,d events — %,d %s, %,d already imported, %,d refused; %,d custody events, %,d new units (%,d ms)",
                r.dryRun() ? "Dry run — " : "", file.getFileName(), r.events(), r.imported(), verb, r.duplicates(), r.failed(),
                r.custodyEvents(), r.unitsCreated(), r.millis());
        if (r.cancelled()) {
            s += ". Cancelled: events after the last whole batch were not imported.";
        } else if (r.failed() > 0 && r.imported() == 0 && !r.dryRun()) {
            s += ". Nothing was imported: fix the events below, or tick \"Import the good events\".";
        }
        return s;
    }

    public void cancel() {
        cancel.set(true);
        status.set("Cancelling after the current batch …");
    }

    public void reconcile(Path file) {
        if (running.get()) {
            return;
        }
        start("Comparing " + file.getFileName() + " with our units …");
        counts.clear();
        findings.clear();
        BackgroundTask.<SerialReconciler.Report>of(p -> services.reconcile(file))
                .onSuccess(r -> {
                    running.set(false);
                    progress.set(1);
                    status.set(String.format("%s: %,d serials on the manufacturer's list", file.getFileName(), r.listed()));
                    r.counts().forEach(c -> counts.add(String.format("%-28s %,d", label(c.kind()), c.count())));
                    r.findings().forEach(f -> findings.add(new FindingRow(label(f.kind()), f.gtin(), f.serial(), f.unit(),
                            f.ours() == null && f.theirs() == null ? "" : "ours " + f.ours() + " · maker " + f.theirs())));
                })
                .onOtherFailure(this::failed)
                .executeWith(tasks);
    }

    public void exportUnit(long unitId, EpcisDocumentWriter.Format format, boolean digitalLink, Path out) {
        if (running.get()) {
            return;
        }
        start("Exporting to " + out.getFileName() + " …");
        BackgroundTask.<Long>of(p -> services.exportUnit(unitId, format, digitalLink, out))
                .onSuccess(n -> {
                    running.set(false);
                    progress.set(1);
                    status.set(String.format("%,d events written to %s", n, out));
                })
                .onOtherFailure(this::failed)
                .executeWith(tasks);
    }

    /** Opens the dossier of a finding's unit (findings about serials we never received have none). */
    public void open(FindingRow row) {
        if (row != null && row.unit() != null) {
            openUnit.accept(row.unit());
        }
    }

    static String label(SerialReconciler.Kind kind) {
        return switch (kind) {
            case never_received -> "Never received";
            case not_commissioned_by_maker -> "Not commissioned by the maker";
            case lot_mismatch -> "Lot differs";
            case expiry_mismatch -> "Expiry differs";
            case product_mismatch -> "Product (GTIN) differs";
        };
    }

    private void start(String message) {
        running.set(true);
        error.set("");
        progress.set(-1);
        status.set(message);
    }

    private void failed(Throwable t) {
        running.set(false);
        progress.set(0);
        Throwable root = t;
        while (root.getCause() != null) {
            root = root.getCause();   // "Rollback caused" says nothing; the first cause does
        }
        error.set(root instanceof java.nio.file.NoSuchFileException ? "No such file: " + root.getMessage()
                : root.getMessage() == null ? root.toString() : root.getMessage());
        status.set("Failed — nothing half-written: each event is imported whole or not at all.");
    }

    public StringProperty statusProperty() { return status; }
    public StringProperty errorProperty() { return error; }
    public DoubleProperty progressProperty() { return progress; }
    public BooleanProperty runningProperty() { return running; }
    public BooleanProperty dryRunProperty() { return dryRun; }
    public BooleanProperty acceptPartialProperty() { return acceptPartial; }
    public ObservableList<EpcisImporter.Failure> failures() { return failures; }
    public ObservableList<String> counts() { return counts; }
    public ObservableList<FindingRow> findings() { return findings; }
}
