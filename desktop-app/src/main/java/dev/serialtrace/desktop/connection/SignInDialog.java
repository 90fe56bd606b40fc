package dev.serialtrace.desktop.connection;

import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

import java.util.Optional;

/** The sign-in dialog: binds a {@link SignInViewModel}; stays open until the request is valid. */
public final class SignInDialog {
    private SignInDialog() {
    }

    public static Optional<SignInViewModel.Request> show(Window owner, SignInViewModel vm) {
        Dialog<SignInViewModel.Request> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Connect to a warehouse database");
        dialog.setHeaderText("Choose a connection, or enter a new one.");
        ButtonType connect = new ButtonType("Connect", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(connect, ButtonType.CANCEL);

        ComboBox<dev.serialtrace.db.connect.ConnectionProfile> profile = new ComboBox<>(vm.profiles());
        profile.valueProperty().bindBidirectional(vm.selectedProperty());
        TextField name = bound(new TextField(), vm.nameProperty(), "e.g. Dallas warehouse");
        TextField url = bound(new TextField(), vm.urlProperty(), "jdbc:postgresql://host:5432/warehouse (empty: embedded demo)");
        TextField user = bound(new TextField(), vm.userProperty(), "your database user");
        PasswordField password = new PasswordField();
        password.textProperty().bindBidirectional(vm.passwordProperty());
        password.setId("signInPassword");
        CheckBox remember = new CheckBox(vm.keystoreAvailable() ? "Remember the password in the OS keystore"
                : "No OS keystore here: the password is asked at each sign-in");
        remember.selectedProperty().bindBidirectional(vm.rememberProperty());
        remember.setDisable(!vm.keystoreAvailable());
        Label error = new Label();
        error.textProperty().bind(vm.errorProperty());
        error.getStyleClass().add("error-message");
        error.setWrapText(true);

        Label demoPeople = new Label("Demo people: " + vm.demoPeopleHint());
        demoPeople.setWrapText(true);
        demoPeople.visibleProperty().bind(vm.urlProperty().isEmpty());
        demoPeople.managedProperty().bind(demoPeople.visibleProperty());

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        String[] labels = {"Saved", "Name", "URL", "User", "Password"};
        javafx.scene.Node[] fields = {profile, name, url, user, password};
        for (int i = 0; i < labels.length; i++) {
            grid.add(new Label(labels[i]), 0, i);
            grid.add(fields[i], 1, i);
        }
        url.setPrefColumnCount(34);
        grid.add(remember, 1, labels.length);
        grid.add(demoPeople, 0, labels.length + 1, 2, 1);
        grid.add(error, 0, labels.length + 2, 2, 1);
        dialog.getDialogPane().setContent(grid);

        dialog.getDialogPane().lookupButton(connect).addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            if (vm.request().isEmpty()) {
                e.consume();   // keep the dialog open: the error says what to fix
            }
        });
        dialog.setResultConverter(b -> b == connect ? vm.request().orElse(null) : null);
        password.requestFocus();
        return dialog.showAndWait();
    }

    private static TextField bound(TextField f, javafx.beans.property.StringProperty p, String prompt) {
        f.textProperty().bindBidirectional(p);
        f.setPromptText(prompt);
        return f;
    }
}
