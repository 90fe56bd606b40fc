package dev.serialtrace.desktop.shell;

import dev.serialtrace.desktop.common.FxTaskExecutor;
import dev.serialtrace.desktop.connection.ConnectionHealth;
import javafx.fxml.FXML;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.EnumMap;
import java.util.Map;

/** The window frame: navigation rail, the current section's page, the status bar. */
public final class MainWindowController {
    private final ShellViewModel vm;
    private final FxTaskExecutor tasks;
    private final Map<Section, Node> pages;
    private final Map<Section, ToggleButton> buttons = new EnumMap<>(Section.class);

    @FXML private VBox rail;
    @FXML private StackPane content;
    @FXML private Region healthDot;
    @FXML private Label health;
    @FXML private Label database;
    @FXML private Label user;
    @FXML private Label activity;
    @FXML private ProgressBar activityProgress;

    public MainWindowController(ShellViewModel vm, FxTaskExecutor tasks, Map<Section, Node> pages) {
        this.vm = vm;
        this.tasks = tasks;
        this.pages = pages;
    }

    @FXML
    private void switchConnection() {
        vm.switchConnection();
    }

    @FXML
    private void about() {
        vm.about();
    }

    @FXML
    private void initialize() {
        ToggleGroup group = new ToggleGroup();
        for (Section s : Section.values()) {
            ToggleButton b = new ToggleButton(s.label(), new FontIcon(s.icon()));
            b.setId("nav-" + s.name().toLowerCase());
            b.setContentDisplay(ContentDisplay.TOP);
            b.getStyleClass().add("nav-button");
            b.setToggleGroup(group);
            b.setMaxWidth(Double.MAX_VALUE);
            b.setOnAction(e -> vm.sectionProperty().set(s));
            buttons.put(s, b);
            rail.getChildren().add(b);
        }
        group.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null) {
                was.setSelected(true);   // one section is always shown
            }
        });
        vm.sectionProperty().addListener((o, a, s) -> show(s));
        show(vm.sectionProperty().get());

        health.textProperty().bind(vm.healthProperty().map(ConnectionHealth::label));
        vm.healthProperty().addListener((o, a, h) -> paintHealth(h));
        paintHealth(vm.healthProperty().get());
        database.textProperty().bind(vm.databaseProperty());
        user.textProperty().bind(vm.userProperty().map(u -> u.isEmpty() ? "" : "Signed in as " + u));
        activity.textProperty().bind(tasks.latestMessageProperty());
        activityProgress.visibleProperty().bind(tasks.runningProperty().greaterThan(0));
        activityProgress.setProgress(-1);
    }

    private void show(Section s) {
        buttons.get(s).setSelected(true);
        Node page = pages.get(s);
        content.getChildren().setAll(page != null ? page : comingSoon(s));
    }

    private static Node comingSoon(Section s) {
        Label l = new Label(s.label() + " is coming in a later release.");
        l.getStyleClass().addAll("title-3", "text-muted");
        l.setId("coming-" + s.name().toLowerCase());
        StackPane p = new StackPane(l);
        StackPane.setAlignment(l, Pos.CENTER);
        return p;
    }

    private void paintHealth(ConnectionHealth h) {
        healthDot.getStyleClass().removeIf(c -> c.startsWith("health-"));
        healthDot.getStyleClass().addAll("health-dot", "health-" + h.name().toLowerCase());
    }
}
