package dev.serialtrace.desktop.common;

import javafx.scene.control.Alert;
import javafx.stage.Window;

import java.util.function.Supplier;

public final class FxDialogService implements DialogService {
    private final Supplier<Window> owner;

    public FxDialogService(Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override
    public void showError(String title, String message, String whatToDo) {
        Alert alert = new Alert(Alert.AlertType.ERROR);
        alert.initOwner(owner.get());
        alert.setTitle(title);
        alert.setHeaderText(message);
        alert.setContentText(whatToDo);
        alert.showAndWait();
    }

    @Override
    public void showInformation(String title, String message) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION);
        alert.initOwner(owner.get());
        alert.setTitle(title);
        alert.setHeaderText(message);
        alert.showAndWait();
    }
}
