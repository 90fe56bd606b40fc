package dev.serialtrace.desktop.reports;

import dev.serialtrace.desktop.common.BackgroundTask;
import dev.serialtrace.desktop.common.TaskExecutor;
import dev.serialtrace.reports.ReportArguments;
import dev.serialtrace.reports.ReportCancelledException;
import dev.serialtrace.reports.ReportDefinition;
import dev.serialtrace.reports.ReportFormat;
import dev.serialtrace.reports.ReportInputException;
import dev.serialtrace.reports.ReportParameter;
import dev.serialtrace.reports.ReportService;
import dev.serialtrace.reports.definitions.ReportCatalogue;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The report catalogue screen: choose a report, fill its parameters (checked before anything
 * runs), generate in the background with progress and cancel, page through a preview, print,
 * export PDF/XLSX/CSV. Other screens open it pre-filled through {@link #prepare}.
 */
public final class ReportsViewModel {

    /** What the screen needs from the open database; null while none is open. */
    public interface Engine {
        ReportService service();

        /** Choices for pickers (audit codes, lot codes, product SKUs); may query the database. */
        List<String> choices(ReportParameter.Type type);

        /** Renders a page of a filled report at a zoom (1 = 72 dpi). */
        BufferedImage page(ReportService.Filled filled, int index, float zoom);

        /**
         * Opens the print dialog and prints with progress per page (off the FX thread); false if the person
         * cancelled the dialog; {@link NoPrinterException} if there is no printer to choose.
         */
        boolean print(ReportService.Filled filled, dev.serialtrace.reports.ReportPrinter.PageProgress progress,
                      java.util.function.BooleanSupplier cancelled);

        /** Writes the custody history of a recall's units as an EPCIS 2.0 document (XML for a .xml file, else JSON-LD); the events written. */
        default long exportRecallEpcis(dev.serialtrace.db.unit.RecallQuery.Scope scope, Path target, java.util.function.LongConsumer progress) {
            throw new UnsupportedOperationException("EPCIS export is not available here");
        }

        /** The signed-in database user (a login, not a printed name): proposed as the signer. */
        default String signer() {
            return "";
        }

        /** The signatures of a generated report (by name and report id), oldest first. */
        default List<dev.serialtrace.db.signature.Signature> approvals(String reportName, String reportId) {
            return List.of();
        }

        /** Signs a generated report: the signer's user ID and password are checked by the server. */
        default dev.serialtrace.db.signature.Signature approve(String reportName, String reportId, String parameters,
                                                                dev.serialtrace.db.signature.SignatureMeaning meaning,
                                                                String user, char[] password) {
            throw new UnsupportedOperationException("report approval needs the warehouse database");
        }

        /** A report was generated (or failed) after {@code nanos}: for the report-time KPI. */
        default void generated(long nanos, boolean ok) {
        }
    }

    /** Runs one generation and tells the engine how long it took; cancels and input errors are not counted. */
    private static <T> T timed(Engine e, java.util.function.Supplier<T> generation) {
        long start = System.nanoTime();
        try {
            T r = generation.get();
            e.generated(System.nanoTime() - start, true);
            return r;
        } catch (ReportCancelledException | ReportInputException x) {
            throw x;
        } catch (RuntimeException x) {
            e.generated(System.nanoTime() - start, false);
            throw x;
        }
    }

    private final ReportCatalogue catalogue;
    private final Supplier<Engine> engine;
    private final TaskExecutor tasks;
    private final Supplier<String> user;
    private final ZoneId zone;

    private final ObservableList<ReportDefinition> reports = FXCollections.observableArrayList();
    private final ObjectProperty<ReportDefinition> selected = new SimpleObjectProperty<>();
    private final Map<String, StringProperty> values = new LinkedHashMap<>();
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final BooleanProperty running = new SimpleBooleanProperty(false);
    private final ObjectProperty<ReportService.Filled> filled = new SimpleObjectProperty<>();
    private final IntegerProperty page = new SimpleIntegerProperty(0);
    private final ObjectProperty<BufferedImage> pageImage = new SimpleObjectProperty<>();
    private final StringProperty reportId = new SimpleStringProperty("");
    private final StringProperty approvals = new SimpleStringProperty("");
    /** Whether the signed-in person's roles may sign (the database refuses the others anyway). */
    private final BooleanProperty maySign = new SimpleBooleanProperty(true);
    private ReportArguments generatedWith;
    private TaskExecutor.Cancellable current;
    private volatile boolean cancelRequested;
    /** Whether the running work is printing (not generating): a cancel then keeps the report. */
    private boolean printing;

    public ReportsViewModel(ReportCatalogue catalogue, Supplier<Engine> engine, TaskExecutor tasks, Supplier<String> user, ZoneId zone) {
        this.catalogue = catalogue;
        this.engine = engine;
        this.tasks = tasks;
        this.user = user;
        this.zone = zone;
        reports.setAll(catalogue.all());
        selected.addListener((o, a, d) -> {
            values.clear();
            error.set("");
            if (d != null) {
                for (ReportParameter p : d.parameters()) {
                    values.put(p.name(), new SimpleStringProperty(""));
                }
            }
        });
        selected.set(reports.get(0));
    }

    public ObservableList<ReportDefinition> reports() {
        return reports;
    }

    public ObjectProperty<ReportDefinition> selectedProperty() {
        return selected;
    }

    /** The value of a parameter of the selected report, as typed. */
    public StringProperty value(String parameter) {
        return values.computeIfAbsent(parameter, k -> new SimpleStringProperty(""));
    }

    public StringProperty errorProperty() {
        return error;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public DoubleProperty progressProperty() {
        return progress;
    }

    public BooleanProperty runningProperty() {
        return running;
    }

    public ObjectProperty<ReportService.Filled> filledProperty() {
        return filled;
    }

    public IntegerProperty pageProperty() {
        return page;
    }

    public ObjectProperty<BufferedImage> pageImageProperty() {
        return pageImage;
    }

    public StringProperty reportIdProperty() {
        return reportId;
    }

    /** Opens a report with parameters given (e.g. "Report this" in the unit dossier); the person then generates it. */
    public void prepare(String reportName, Map<String, String> parameters) {
        selected.set(catalogue.require(reportName));
        parameters.forEach((k, v) -> value(k).set(v));
    }

    /** The arguments as typed, or null with the error shown. */
    ReportArguments validArguments() {
        ReportDefinition d = selected.get();
        Map<String, String> raw = new LinkedHashMap<>();
        values.forEach((k, v) -> raw.put(k, v.get()));
        ReportArguments args = ReportArguments.of(raw);
        try {
            if (!d.available()) {
                throw new ReportInputException(d.title() + " is not available yet: " + d.description());
            }
            d.validate(args);
            error.set("");
            return args;
        } catch (ReportInputException e) {
            error.set(e.getMessage());
            return null;
        }
    }

    public void generate() {
        ReportArguments args = validArguments();
        Engine e = engine.get();
        if (args == null || running.get()) {
            return;
        }
        if (e == null) {
            error.set("No database is open yet.");
            return;
        }
        ReportDefinition d = selected.get();
        ReportArguments complete = e.service().complete(args);
        cancelRequested = false;
        printing = false;
        running.set(true);
        progress.set(-1);
        status.set("Reading data…");
        current = BackgroundTask.of(p -> {
            ReportService.Filled f = timed(e, () -> e.service().fill(d, complete, ReportService.Options.of(user.get(), zone).with(
                    (rows, expected, message) -> p.update(message + " " + rows + (expected > 0 ? " of " + expected : "") + " rows",
                            expected > 0 ? Math.min(1.0, (double) rows / expected) : -1),
                    () -> cancelRequested), true));
            return new Rendered(f, f.pages() == 0 ? null : e.page(f, 0, 1.25f));
        }).onProgress((message, fraction) -> {
            status.set(message);
            progress.set(fraction);
        }).onSuccess(r -> {
            running.set(false);
            replace(r.filled());
            generatedWith = complete;
            page.set(0);
            pageImage.set(r.firstPage());
            reportId.set(r.filled().reportId());
            status.set(d.title() + ": " + r.filled().pages() + " pages, report id " + r.filled().reportId());
            progress.set(1);
            loadApprovals(d.name(), r.filled().reportId());
        }).onFailure(ReportInputException.class, x -> {
            running.set(false);
            error.set(x.getMessage());
            status.set("");
        }).onFailure(ReportCancelledException.class, x -> cancelled())
                .onFailure(InterruptedException.class, x -> cancelled())
                .onOtherFailure(t -> {
                    running.set(false);
                    status.set("");
                    error.set(cancelRequested ? "" : "Could not generate the report: " + t.getMessage());
                    if (cancelRequested) {
                        cancelled();
                    }
                }).executeWith(tasks);
    }

    private void cancelled() {
        running.set(false);
        progress.set(0);
        status.set(printing ? "Printing cancelled; the report is still here." : "Cancelled; nothing was generated.");
    }

    public void cancel() {
        if (running.get()) {
            cancelRequested = true;
            if (current != null) {
                current.cancel();
            }
            cancelled();
        }
    }

    public void showPage(int index) {
        ReportService.Filled f = filled.get();
        Engine e = engine.get();
        if (f == null || e == null || index < 0 || index >= f.pages()) {
            return;
        }
        page.set(index);
        BackgroundTask.of(p -> e.page(f, index, 1.25f)).onSuccess(img -> {
            if (page.get() == index) {
                pageImage.set(img);
            }
        }).executeWith(tasks);
    }

    public void print() {
        ReportService.Filled f = filled.get();
        Engine e = engine.get();
        if (f == null || e == null) {
            return;
        }
        if (running.get()) {
            return;
        }
        cancelRequested = false;
        printing = true;
        running.set(true);
        progress.set(-1);
        error.set("");
        status.set("Choosing a printer…");
        current = BackgroundTask.of(p -> e.print(f, (n, of) -> p.update("Printing page " + n + " of " + of + "…", (double) n / of),
                        () -> cancelRequested))
                .onProgress((message, fraction) -> {
                    status.set(message);
                    progress.set(fraction);
                })
                .onSuccess(done -> {
                    running.set(false);
                    progress.set(done ? 1 : 0);
                    status.set(done ? "Sent " + f.pages() + " pages to the printer (report id " + f.reportId() + ")."
                            : "Printing cancelled in the print dialog.");
                })
                .onFailure(NoPrinterException.class, x -> printFailed(x.getMessage()))
                .onFailure(ReportCancelledException.class, x -> printFailed(""))
                .onOtherFailure(t -> printFailed(cancelRequested ? ""
                        : "Could not print: " + t.getMessage() + ". The report is still here: try again, or export it as PDF."))
                .executeWith(tasks);
    }

    private void printFailed(String message) {
        running.set(false);
        progress.set(0);
        status.set(message.isEmpty() ? "Printing cancelled; the report is still here." : "");
        error.set(message);
    }

    /**
     * Signs the generated report (issue 8: report approval): ID and password at signing, printed
     * name, time and meaning recorded by the database, bound to the report's name and reproducible id.
     */
    public void approve(dev.serialtrace.db.signature.SignatureMeaning meaning, String user, char[] password) {
        Engine e = engine.get();
        ReportService.Filled f = filled.get();
        if (e == null || f == null || meaning == null || user == null || user.isBlank()) {
            error.set(f == null ? "Generate the report first." : "Give your user ID, password and what the signature means.");
            java.util.Arrays.fill(password, '\0');
            return;
        }
        String name = selected.get().name();
        String id = f.reportId();
        String parameters = generatedWith == null ? "" : generatedWith.toString();
        error.set("");
        BackgroundTask.of(p -> {
                    try {
                        e.approve(name, id, parameters, meaning, user.strip(), password);
                        return e.approvals(name, id);
                    } finally {
                        java.util.Arrays.fill(password, '\0');
                    }
                })
                .onSuccess(list -> approvals.set(describe(list)))
                .onOtherFailure(t -> error.set("Not signed: " + t.getMessage()))
                .executeWith(tasks);
    }

    private void loadApprovals(String name, String id) {
        Engine e = engine.get();
        approvals.set("");
        if (e == null) {
            return;
        }
        BackgroundTask.of(p -> e.approvals(name, id))
                .onSuccess(list -> approvals.set(describe(list)))
                .onOtherFailure(t -> approvals.set("Approvals unknown: " + t.getMessage()))
                .executeWith(tasks);
    }

    private static String describe(List<dev.serialtrace.db.signature.Signature> list) {
        return list.isEmpty() ? "Not approved: nobody has signed this report."
                : "Signed: " + list.stream().map(dev.serialtrace.db.signature.Signature::manifestation)
                        .collect(java.util.stream.Collectors.joining("; "));
    }

    /** The as-of moment the shown report was generated for: with it, the same report regenerates exactly. */
    public String generatedAsOf() {
        return generatedWith == null ? "" : generatedWith.values().getOrDefault(dev.serialtrace.reports.ReportArguments.AS_OF, "");
    }

    /** Proposed as the signer: the database login of the session. */
    public String signedInUser() {
        Engine e = engine.get();
        return e == null ? "" : e.signer();
    }

    public BooleanProperty maySignProperty() {
        return maySign;
    }

    public StringProperty approvalsProperty() {
        return approvals;
    }

    /** Only the recall report's units can be exported as EPCIS (issue 9: "the same from … recall results"). */
    public boolean canExportEpcis() {
        return selected.get() != null && dev.serialtrace.reports.definitions.RecallReport.NAME.equals(selected.get().name());
    }

    /** The custody history of the units the recall form names, as EPCIS, in the background with progress. */
    public void exportEpcis(Path target) {
        Engine e = engine.get();
        if (e == null || !canExportEpcis()) {
            return;
        }
        Map<String, String> form = new LinkedHashMap<>();
        values.forEach((k, v) -> form.put(k, v.get()));
        dev.serialtrace.db.unit.RecallQuery.Scope scope;
        try {
            scope = dev.serialtrace.reports.definitions.RecallReport.scope(form);
        } catch (ReportInputException bad) {
            error.set(bad.getMessage());
            return;
        }
        error.set("");
        running.set(true);
        status.set("Exporting the recall's custody history as EPCIS…");
        BackgroundTask.of(p -> e.exportRecallEpcis(scope, target, n -> p.update(String.format("%,d events written…", n), -1)))
                .onSuccess(n -> {
                    running.set(false);
                    status.set(String.format("Exported %,d events of the recalled units to %s", n, target));
                })
                .onOtherFailure(t -> {
                    running.set(false);
                    error.set("Could not export EPCIS to " + target + ": " + t.getMessage());
                })
                .executeWith(tasks);
    }

    /** Writes the generated report: PDF and XLSX from the filled pages, CSV from the same data (same as-of, same id). */
    public void export(ReportFormat format, Path target) {
        ReportService.Filled f = filled.get();
        Engine e = engine.get();
        if (f == null || e == null) {
            return;
        }
        ReportDefinition d = selected.get();
        ReportArguments args = generatedWith;
        status.set("Writing " + target.getFileName() + "…");
        BackgroundTask.of(p -> {
            if (format == ReportFormat.PDF) {
                dev.serialtrace.desktop.common.AtomicFile.write(target, out -> {
                    ReportService.export(f, format, out);
                    return null;
                });
            } else {
                timed(e, () -> e.service().generate(d, args, format, target, ReportService.Options.of(user.get(), zone)));
            }
            return target;
        }).onSuccess(t -> status.set("Saved " + t)).onOtherFailure(t -> error.set("Could not save " + target + ": " + t.getMessage()))
                .executeWith(tasks);
    }

    /** A file name to suggest: report name and id. */
    public String suggestedFileName(ReportFormat format) {
        ReportDefinition d = selected.get();
        return d.name() + (reportId.get().isEmpty() ? "" : "-" + reportId.get()) + "." + format.extension();
    }

    private void replace(ReportService.Filled next) {
        ReportService.Filled old = filled.get();
        filled.set(next);
        if (old != null) {
            old.close();
        }
    }

    private record Rendered(ReportService.Filled filled, BufferedImage firstPage) {
    }
}
