package dev.serialtrace.desktop.unit;

import dev.serialtrace.db.unit.CustomerQueries;
import dev.serialtrace.db.unit.UnitIdentity;
import dev.serialtrace.desktop.common.BackgroundTask;
import dev.serialtrace.desktop.common.TaskExecutor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.Supplier;

/**
 * "Customer query…" in the dossier: someone answers a customer's question about the unit on
 * screen and records when it came in, so the customer-query resolution KPI has its cases.
 */
public final class CustomerQueryViewModel {
    public static final List<String> CHANNELS = List.of("phone", "email", "portal", "chat", "in person");
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    private final Supplier<CustomerQueries> queries;
    private final TaskExecutor tasks;
    private final Clock clock;
    private final ZoneId zone;
    private UnitIdentity unit;
    private final ObservableList<CustomerQueries.Customer> customers = FXCollections.observableArrayList();
    private final ObjectProperty<CustomerQueries.Customer> customer = new SimpleObjectProperty<>();
    private final StringProperty channel = new SimpleStringProperty(CHANNELS.get(0));
    private final StringProperty receivedAt = new SimpleStringProperty("");
    private final StringProperty question = new SimpleStringProperty("");
    private final StringProperty answer = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty saved = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty();

    public CustomerQueryViewModel(Supplier<CustomerQueries> queries, TaskExecutor tasks, Clock clock, ZoneId zone) {
        this.queries = queries;
        this.tasks = tasks;
        this.clock = clock;
        this.zone = zone;
    }

    /** A fresh form for the unit on screen: received when the dossier was opened, the answer drafted from its state. */
    public void start(UnitIdentity unit, OffsetDateTime dossierOpenedAt) {
        this.unit = unit;
        customer.set(null);
        channel.set(CHANNELS.get(0));
        receivedAt.set(dossierOpenedAt.atZoneSameInstant(zone).format(HH_MM));
        question.set("Where is serial " + unit.serial() + "?");
        answer.set(draft(unit));
        error.set("");
        saved.set("");
        tasks.execute(BackgroundTask.of(p -> queries.get().customers()).onSuccess(customers::setAll)
                .onOtherFailure(e -> error.set("Could not list customers: " + e.getMessage())));
    }

    static String draft(UnitIdentity u) {
        return "Serial " + u.serial() + " (" + u.productName() + ") is " + u.status()
                + (u.location() == null ? "" : " at " + u.location()) + ".";
    }

    /** Validates and records the query in the background; {@code saved} says how long it took. */
    public void save() {
        LocalTime time;
        try {
            time = LocalTime.parse(receivedAt.get().strip(), HH_MM);
        } catch (DateTimeParseException e) {
            error.set("Received at: write the time as HH:mm, e.g. 09:45.");
            return;
        }
        OffsetDateTime received = LocalDate.now(clock.withZone(zone)).atTime(time).atZone(zone).toOffsetDateTime();
        if (received.isAfter(OffsetDateTime.now(clock))) {
            error.set("Received at " + receivedAt.get() + " is later than now: a query is recorded once answered.");
            return;
        }
        if (answer.get() == null || answer.get().isBlank()) {
            error.set("Write the answer given to the customer.");
            return;
        }
        error.set("");
        busy.set(true);
        CustomerQueries.Customer c = customer.get();
        CustomerQueries.Answer a = new CustomerQueries.Answer(unit.serial(), unit.unitId(), c == null ? null : c.id(),
                channel.get(), question.get(), answer.get(), received);
        tasks.execute(BackgroundTask.of(p -> queries.get().answered(a))
                .onSuccess(minutes -> {
                    busy.set(false);
                    saved.set("Recorded: answered " + minutes + " min after it came in.");
                })
                .onOtherFailure(e -> {
                    busy.set(false);
                    error.set("Not recorded: " + e.getMessage() + " — nothing was written; try again.");
                }));
    }

    public ObservableList<CustomerQueries.Customer> customers() { return customers; }
    public ObjectProperty<CustomerQueries.Customer> customerProperty() { return customer; }
    public StringProperty channelProperty() { return channel; }
    public StringProperty receivedAtProperty() { return receivedAt; }
    public StringProperty questionProperty() { return question; }
    public StringProperty answerProperty() { return answer; }
    public StringProperty errorProperty() { return error; }
    public StringProperty savedProperty() { return saved; }
    public BooleanProperty busyProperty() { return busy; }
}
