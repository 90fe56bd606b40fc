package dev.serialtrace.desktop.about;

import javafx.beans.value.ObservableValue;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

import java.io.InputStream;

/** Help › About: versions of the app, Java, the database server and its schema; where data and logs live. */
public final class AboutDialog {
    private AboutDialog() {
    }

    public static void show(Window owner, AboutViewModel vm) {
        Dialog<Void> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("About Serialtrace");
        dialog.setHeaderText(vm.title() + "\nSerial-number tracking, chain of custody, audits and compliance reports");
        Image icon = icon();
        if (icon != null) {
            ImageView view = new ImageView(icon);
            view.setFitWidth(64);
            view.setFitHeight(64);
            dialog.setGraphic(view);
        }
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);

        GridPane grid = new GridPane();
        grid.setHgap(14);
        grid.setVgap(6);
        row(grid, 0, "Version", "about-version", new Label(vm.version()));
        row(grid, 1, "Vendor", "about-vendor", new Label(vm.vendor()));
        row(grid, 2, "Licence", "about-licence", new Label(vm.licence()));
        row(grid, 3, "Java", "about-java", new Label(vm.java()));
        row(grid, 4, "JavaFX", "about-javafx", new Label(vm.javafx()));
        row(grid, 5, "Database server", "about-server", bound(vm.serverProperty()));
        row(grid, 6, "Schema version", "about-schema", bound(vm.schemaProperty()));
        row(grid, 7, "Data folder", "about-data", new Label(vm.dataFolder()));
        row(grid, 8, "Logs", "about-logs", new Label(vm.logFolder()));
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().setId("aboutDialog");
        vm.load();
        dialog.show();
    }

    /** The app icon, as the installers use it. */
    public static Image icon() {
        try (InputStream in = AboutDialog.class.getResourceAsStream("/dev/serialtrace/desktop/serialtrace.png")) {
            return in == null ? null : new Image(in);
        } catch (java.io.IOException e) {
            return null;
        }
    }

    private static Label bound(ObservableValue<String> text) {
        Label l = new Label();
        l.textProperty().bind(text);
        return l;
    }

    private static void row(GridPane grid, int row, String caption, String id, Label value) {
        Label c = new Label(caption);
        c.getStyleClass().add("text-muted");
        value.setId(id);
        grid.add(c, 0, row);
        grid.add(value, 1, row);
    }
}
