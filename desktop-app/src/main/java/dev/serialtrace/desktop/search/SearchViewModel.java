package dev.serialtrace.desktop.search;

import dev.serialtrace.db.unit.LookupResult;
import dev.serialtrace.db.unit.SearchHit;
import dev.serialtrace.db.unit.Suggestion;
import dev.serialtrace.db.unit.UnitSummary;
import dev.serialtrace.desktop.common.BackgroundTask;
import dev.serialtrace.desktop.common.TaskExecutor;
import dev.serialtrace.desktop.scan.KeystrokeBurst;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.LongConsumer;

/**
 * Search by any identifier form: an exact lookup first (scanner payloads included), then
 * partial matches; "did you mean" when nothing matches. A single exact hit opens the unit.
 */
public final class SearchViewModel {
    static final int PARTIAL_LIMIT = 200;

    /** The lookups this screen needs; the app gives the database's, tests may give any. */
    public interface Finder {
        LookupResult lookup(String raw);

        List<SearchHit> search(String text, int limit);
    }

    /** What one search found, computed in the background. */
    record Outcome(String query, LookupResult exact, List<SearchHit> partial) {
    }

    private final Finder finder;
    private final TaskExecutor tasks;
    private final LongConsumer openUnit;
    private TaskExecutor.Cancellable running;

    private final StringProperty query = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty ready = new SimpleBooleanProperty();
    private final BooleanProperty searching = new SimpleBooleanProperty();
    private final BooleanProperty problem = new SimpleBooleanProperty();
    private final ObservableList<SearchRow> results = FXCollections.observableArrayList();
    private final ObservableList<Suggestion> didYouMean = FXCollections.observableArrayList();

    public SearchViewModel(Finder finder, TaskExecutor tasks, LongConsumer openUnit) {
        this.finder = finder;
        this.tasks = tasks;
        this.openUnit = openUnit;
    }

    /** Enter in the search box, or a scan anywhere. */
    public void submit() {
        // not strip(): Java counts GS as whitespace, and a scan may begin with one (FNC1 first)
        String text = query.get() == null ? "" : KeystrokeBurst.fromTextField(query.get()).replaceAll("^[ \\t\\r\\n]+|[ \\t\\r\\n]+$", "");
        if (!ready.get()) {
            return;
        }
        if (text.isEmpty()) {
            clear();
            return;
        }
        if (running != null) {
            running.cancel();
        }
        searching.set(true);
        message.set("Searching…");
        running = BackgroundTask.of(p -> find(text))
                .onSuccess(this::show)
                .onOtherFailure(e -> {
                    searching.set(false);
                    problem.set(true);
                    message.set("Search failed: " + e.getMessage() + " — the results shown are from before.");
                })
                .executeWith(tasks);
    }

    private Outcome find(String text) {
        LookupResult exact = finder.lookup(text);
        boolean uniqueHit = exact instanceof LookupResult.Found f && !f.duplicateSerial();
        // a scan or full id that names one unit needs no partial search; anything else gets one
        List<SearchHit> partial = uniqueHit || text.length() < 3 ? List.of() : finder.search(text, PARTIAL_LIMIT);
        return new Outcome(text, exact, partial);
    }

    private void show(Outcome o) {
        searching.set(false);
        problem.set(false);
        List<SearchRow> rows = new ArrayList<>();
        Set<Long> seen = new LinkedHashSet<>();
        didYouMean.clear();
        if (o.exact() instanceof LookupResult.Found f) {
            for (UnitSummary u : f.units()) {
                seen.add(u.unitId());
                rows.add(new SearchRow(u, "exact · " + f.matchedBy().label()));
            }
            message.set(f.duplicateSerial()
                    ? "The serial " + f.units().get(0).serial() + " is on file " + f.units().size()
                      + " times (different manufacturers or products) — check which one you have."
                    : "Found by " + f.matchedBy().label() + ".");
            problem.set(f.duplicateSerial());
        } else if (o.exact() instanceof LookupResult.NotFound nf) {
            didYouMean.setAll(nf.didYouMean());
            message.set("No unit has this identifier" + (nf.didYouMean().isEmpty() ? "." : " — did you mean one below?"));
            problem.set(true);
        } else if (o.exact() instanceof LookupResult.BadInput bad) {
            message.set("Not an identifier: " + bad.message() + " (at character " + (bad.position() + 1) + ").");
            problem.set(true);
        }
        for (SearchHit hit : o.partial()) {
            if (seen.add(hit.unit().unitId())) {
                rows.add(new SearchRow(hit.unit(), hit.match().name().toLowerCase() + " · "
                        + hit.field().name().toLowerCase().replace('_', ' ')));
            }
        }
        results.setAll(rows);
        if (!rows.isEmpty() && !(o.exact() instanceof LookupResult.Found)) {
            // a partial search found what was asked for: say that first, not "not found"
            message.set(rows.size() + (rows.size() >= PARTIAL_LIMIT ? "+" : "") + " units match in part; none has exactly this identifier."
                    + (didYouMean.isEmpty() ? "" : " Did you mean one above?"));
            problem.set(false);
        }
        if (o.exact() instanceof LookupResult.Found f && !f.duplicateSerial()) {
            openUnit.accept(f.units().get(0).unitId());
        }
    }

    /** Stops a search in progress; results shown before stay. */
    public void cancel() {
        if (running != null && searching.get()) {
            running.cancel();
            searching.set(false);
            message.set("Search cancelled.");
        }
    }

    /** Esc: cancels a running search, else clears. */
    public void clear() {
        if (searching.get()) {
            cancel();
            return;
        }
        query.set("");
        message.set("");
        problem.set(false);
        results.clear();
        didYouMean.clear();
    }

    public void open(SearchRow row) {
        if (row != null) {
            openUnit.accept(row.unit().unitId());
        }
    }

    public void open(Suggestion s) {
        if (s != null) {
            openUnit.accept(s.unit().unitId());
        }
    }

    /** False until the database is open. */
    public BooleanProperty readyProperty() { return ready; }
    public StringProperty queryProperty() { return query; }
    public ReadOnlyStringProperty messageProperty() { return message; }
    public BooleanProperty searchingProperty() { return searching; }
    public BooleanProperty problemProperty() { return problem; }
    public ObservableList<SearchRow> results() { return results; }
    public ObservableList<Suggestion> didYouMean() { return didYouMean; }
}
