package dev.serialtrace.desktop.unit;

import dev.serialtrace.core.lifecycle.CustodyGaps;
import dev.serialtrace.db.unit.KitTree;
import dev.serialtrace.db.unit.ReturnEntry;
import dev.serialtrace.db.unit.TimelineEntry;
import dev.serialtrace.db.unit.UnitDossier;
import dev.serialtrace.db.unit.UnitIdentity;
import dev.serialtrace.db.unit.WarrantyRecord;
import dev.serialtrace.desktop.common.BackgroundTask;
import dev.serialtrace.desktop.common.Formats;
import dev.serialtrace.desktop.common.TaskExecutor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The unit dossier: identity, chain-of-custody timeline (filterable, compact or detailed, with
 * gaps and flags), kit, temperature, warranty and returns. Loads in the background; keeps what
 * is on screen if a load fails. No controls here; tested without the toolkit.
 */
public final class UnitDossierViewModel {
    /** Longer than this without any event counts as a gap in custody. */
    static final Duration LONGEST_SILENCE = Duration.ofDays(120);
    static final long NEAR_EXPIRY_DAYS = 90;

    /** Where dossiers come from (the database, in the app). */
    @FunctionalInterface
    public interface DossierSource {
        Optional<UnitDossier> load(long unitId);
    }

    private final DossierSource source;
    private final TaskExecutor tasks;
    private final Clock clock;
    private final Deque<Long> history = new ArrayDeque<>();
    private TaskExecutor.Cancellable running;

    private final BooleanProperty loading = new SimpleBooleanProperty();
    private final StringProperty error = new SimpleStringProperty("");
    private final ObjectProperty<UnitDossier> dossier = new SimpleObjectProperty<>();
    private final StringProperty expiryWarning = new SimpleStringProperty("");
    private final ObjectProperty<TimelineKind> timelineKind = new SimpleObjectProperty<>(TimelineKind.ALL);
    private final BooleanProperty compact = new SimpleBooleanProperty(true);
    private final BooleanProperty canGoBack = new SimpleBooleanProperty();
    private final ObservableList<TimelineRow> allRows = FXCollections.observableArrayList();
    private final FilteredList<TimelineRow> rows = new FilteredList<>(allRows);
    private final ObservableList<KitTree.Member> kitChildren = FXCollections.observableArrayList();
    private final ObservableList<WarrantyRecord.ClaimEntry> claims = FXCollections.observableArrayList();
    private final ObservableList<ReturnEntry> returns = FXCollections.observableArrayList();

    public UnitDossierViewModel(DossierSource source, TaskExecutor tasks, Clock clock) {
        this.source = source;
        this.tasks = tasks;
        this.clock = clock;
        timelineKind.addListener((o, a, kind) -> rows.setPredicate(r -> kind.includes(r.entry())));
    }

    /** Opens a unit; the one shown now goes on the back stack. */
    public void open(long unitId) {
        UnitDossier current = dossier.get();
        if (current != null && current.identity().unitId() != unitId) {
            history.push(current.identity().unitId());
        }
        load(unitId);
    }

    public void back() {
        if (!history.isEmpty()) {
            load(history.pop());
        }
    }

    /** Stops a load in progress; what was shown stays. */
    public void cancel() {
        if (running != null && loading.get()) {
            running.cancel();
            loading.set(false);
        }
    }

    public void reload() {
        if (dossier.get() != null) {
            load(dossier.get().identity().unitId());
        }
    }

    private void load(long unitId) {
        if (running != null) {
            running.cancel();
        }
        loading.set(true);
        error.set("");
        running = BackgroundTask.of(progress -> source.load(unitId))
                .onSuccess(found -> {
                    loading.set(false);
                    found.ifPresentOrElse(this::show, () -> error.set("No unit with id " + unitId + "."));
                })
                .onOtherFailure(e -> {
                    loading.set(false);
                    error.set("Could not load the unit: " + e.getMessage() + ". What is shown is from before.");
                })
                .executeWith(tasks);
    }

    private void show(UnitDossier d) {
        canGoBack.set(!history.isEmpty());
        expiryWarning.set(expiryWarning(d.identity().expiry()));
        Map<Integer, String> gaps = gapsByIndex(d.timeline());
        List<TimelineRow> built = new java.util.ArrayList<>(d.timeline().size());
        for (int i = 0; i < d.timeline().size(); i++) {
            built.add(TimelineRow.of(d.timeline().get(i), gaps.get(i)));
        }
        allRows.setAll(built);
        kitChildren.setAll(d.kit().children());
        claims.setAll(d.warranty().claims());
        returns.setAll(d.returns());
        dossier.set(d);   // last: listeners see the lists already filled
    }

    private static Map<Integer, String> gapsByIndex(List<TimelineEntry> timeline) {
        List<CustodyGaps.Step> steps = timeline.stream()
                .map(e -> new CustodyGaps.Step(e.occurredAt(), e.fromLocationId(), e.toLocationId())).toList();
        Map<Integer, String> byIndex = new HashMap<>();
        for (CustodyGaps.Gap g : CustodyGaps.find(steps, LONGEST_SILENCE)) {
            byIndex.merge(g.index(), g.description(), (a, b) -> a + "; " + b);
        }
        return byIndex;
    }

    private String expiryWarning(LocalDate expiry) {
        if (expiry == null) {
            return "";
        }
        long days = ChronoUnit.DAYS.between(LocalDate.now(clock), expiry);
        if (days < 0) {
            return "Expired on " + Formats.date(expiry);
        }
        return days <= NEAR_EXPIRY_DAYS ? "Expires in " + days + " days" : "";
    }

    // --- derived texts for the view

    public String regulatoryTags() {
        UnitIdentity id = dossier.get().identity();
        return id.regulatoryTags().isEmpty() ? "—" : String.join(" · ", id.regulatoryTags());
    }

    public String warrantySummary() {
        WarrantyRecord w = dossier.get().warranty();
        if (!w.sold()) {
            return "Not sold by us.";
        }
        String term = w.warrantyEnds() == null ? "no warranty"
                : (w.warrantyEnds().isBefore(LocalDate.now(clock)) ? "warranty ended " : "under warranty until ")
                        + Formats.date(w.warrantyEnds());
        return "Sold " + Formats.date(w.soldAt().toLocalDate()) + " to " + w.customer()
                + (w.region() == null ? "" : " (" + w.region() + ")") + " on " + w.shipment() + " · " + term;
    }

    public static String signals(WarrantyRecord.ClaimEntry claim) {
        return claim.signals().stream().map(s -> s.description()).collect(Collectors.joining("; "));
    }

    public long flaggedEvents() {
        return allRows.stream().filter(TimelineRow::flagged).count();
    }

    public long gaps() {
        return allRows.stream().filter(TimelineRow::hasGapBefore).count();
    }

    // --- properties

    public ReadOnlyObjectProperty<UnitDossier> dossierProperty() { return dossier; }
    public BooleanProperty loadingProperty() { return loading; }
    public ReadOnlyStringProperty errorProperty() { return error; }
    public ReadOnlyStringProperty expiryWarningProperty() { return expiryWarning; }
    public ObjectProperty<TimelineKind> timelineKindProperty() { return timelineKind; }
    public BooleanProperty compactProperty() { return compact; }
    public BooleanProperty canGoBackProperty() { return canGoBack; }
    public ObservableList<TimelineRow> timelineRows() { return rows; }
    public ObservableList<KitTree.Member> kitChildren() { return kitChildren; }
    public ObservableList<WarrantyRecord.ClaimEntry> claims() { return claims; }
    public ObservableList<ReturnEntry> returns() { return returns; }
}
