package dev.serialtrace.desktop.exceptions;

import dev.serialtrace.db.capture.CaptureExceptionQueue;
import dev.serialtrace.db.capture.CaptureExceptionRow;
import dev.serialtrace.db.unit.LookupResult;
import dev.serialtrace.db.unit.Suggestion;
import dev.serialtrace.db.unit.UnitLookup;
import dev.serialtrace.db.unit.UnitSummary;
import dev.serialtrace.desktop.common.BackgroundTask;
import dev.serialtrace.desktop.common.TaskExecutor;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The capture-exception queue without controls: filters with counts, the selected exception's
 * candidates (did-you-mean for an unknown serial), and resolving by match, create or reject.
 */
public final class ExceptionsViewModel {
    private static final int LIMIT = 500;

    /** What the queue and its helpers need from the open database. */
    public record Services(CaptureExceptionQueue queue, UnitLookup lookup) {
    }

    private final Supplier<Services> services;
    private final TaskExecutor tasks;
    private final Clock clock;
    // role-aware UI (issue 8): set from the signed-in person's roles; the database still refuses
    private final javafx.beans.property.BooleanProperty mayResolve = new javafx.beans.property.SimpleBooleanProperty(true);

    public javafx.beans.property.BooleanProperty mayResolveProperty() { return mayResolve; }
    private final ObjectProperty<CaptureExceptionQueue.Kind> kind = new SimpleObjectProperty<>();
    private final ObjectProperty<CaptureExceptionQueue.Status> status = new SimpleObjectProperty<>(CaptureExceptionQueue.Status.OPEN);
    private final StringProperty text = new SimpleStringProperty("");
    private final ObservableList<CaptureExceptionRow> rows = FXCollections.observableArrayList();
    private final StringProperty counts = new SimpleStringProperty("");
    private final ObservableList<UnitSummary> candidates = FXCollections.observableArrayList();
    private final StringProperty message = new SimpleStringProperty("");
    private final ObservableList<dev.serialtrace.db.capture.ProductChoice> products = FXCollections.observableArrayList();
    private final ObjectProperty<dev.serialtrace.db.capture.ProductChoice> newProduct = new SimpleObjectProperty<>();
    private volatile boolean productsLoaded;

    public ExceptionsViewModel(Supplier<Services> services, TaskExecutor tasks, Clock clock) {
        this.services = services;
        this.tasks = tasks;
        this.clock = clock;
    }

    public void refresh() {
        CaptureExceptionQueue.Filter filter = new CaptureExceptionQueue.Filter(kind.get(), status.get(), null, text.get());
        BackgroundTask.of(p -> {
                    p.update("Reading the capture-exception queue…", -1);
                    Services s = services.get();
                    return new Loaded(s.queue().list(filter, LIMIT), s.queue().openCounts(),
                            productsLoaded ? null : s.queue().productChoices());   // products: once, not per refresh
                })
                .onSuccess(l -> {
                    rows.setAll(l.rows());
                    if (l.products() != null) {
                        products.setAll(l.products());
                        productsLoaded = true;
                    }
                    int open = l.counts().values().stream().mapToInt(Integer::intValue).sum();
                    StringBuilder b = new StringBuilder(open + " open");
                    l.counts().forEach((k, n) -> b.append(" · ").append(k).append(": ").append(n));
                    counts.set(b.toString());
                })
                .onOtherFailure(e -> message.set("Could not read the queue: " + e.getMessage()))
                .executeWith(tasks);
    }

    private record Loaded(List<CaptureExceptionRow> rows, Map<CaptureExceptionQueue.Kind, Integer> counts,
                          List<dev.serialtrace.db.capture.ProductChoice> products) {
    }

    /** Candidates for the selected exception: the unit it names if on file, else did-you-mean. */
    public void select(CaptureExceptionRow row) {
        candidates.clear();
        newProduct.set(row == null || row.productId() == null ? null
                : products.stream().filter(p -> p.id() == row.productId()).findFirst().orElse(null));
        if (row == null || row.rawInput() == null) {
            return;
        }
        BackgroundTask.of(p -> {
                    LookupResult r = services.get().lookup().lookup(row.rawInput());
                    List<UnitSummary> out = new ArrayList<>();
                    if (r instanceof LookupResult.Found f) {
                        out.addAll(f.units());
                    } else if (r instanceof LookupResult.NotFound nf) {
                        nf.didYouMean().stream().map(Suggestion::unit).forEach(out::add);
                    }
                    return out;
                })
                .onSuccess(candidates::setAll)
                .executeWith(tasks);
    }

    public void match(CaptureExceptionRow row, UnitSummary unit, String reason) {
        if (row == null || unit == null) {
            message.set("Choose an exception and the unit it was.");
            return;
        }
        act(reason, s -> s.queue().match(row.id(), unit.unitId(), reason, OffsetDateTime.now(clock)),
                "Matched to " + unit.serial() + "; recorded as a custody event.");
    }

    /** Creates the unit the exception's capture names, as the product chosen in {@link #newProductProperty()}. */
    public void create(CaptureExceptionRow row, String serial, String reason) {
        if (row == null) {
            message.set("Choose an exception.");
            return;
        }
        dev.serialtrace.db.capture.ProductChoice product = newProduct.get();
        if (product == null) {
            message.set("Choose the product of the new unit.");
            return;
        }
        if (serial == null || serial.isBlank()) {
            message.set("Give the serial of the new unit.");
            return;
        }
        act(reason, s -> s.queue().create(row.id(), product.id(), serial.strip(), reason, OffsetDateTime.now(clock)),
                "Unit " + serial + " created; its history starts now.");
    }

    public void reject(CaptureExceptionRow row, String reason) {
        if (row == null) {
            message.set("Choose an exception.");
            return;
        }
        act(reason, s -> {
            s.queue().reject(row.id(), reason, OffsetDateTime.now(clock));
            return 0L;
        }, "Rejected.");
    }

    private interface Action {
        long run(Services s) throws Exception;
    }

    private void act(String reason, Action action, String done) {
        if (reason == null || reason.isBlank()) {
            message.set("Say why: every resolution needs a reason.");
            return;
        }
        BackgroundTask.of(p -> action.run(services.get()))
                .onSuccess(x -> {
                    message.set(done);
                    refresh();
                })
                .onOtherFailure(e -> message.set(root(e)))
                .executeWith(tasks);
    }

    private static String root(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }

    public ObjectProperty<CaptureExceptionQueue.Kind> kindProperty() { return kind; }
    public ObjectProperty<CaptureExceptionQueue.Status> statusProperty() { return status; }
    public StringProperty textProperty() { return text; }
    public ObservableList<CaptureExceptionRow> rows() { return rows; }
    public StringProperty countsProperty() { return counts; }
    public ObservableList<UnitSummary> candidates() { return candidates; }
    public StringProperty messageProperty() { return message; }
    public ObservableList<dev.serialtrace.db.capture.ProductChoice> products() { return products; }
    public ObjectProperty<dev.serialtrace.db.capture.ProductChoice> newProductProperty() { return newProduct; }
}
