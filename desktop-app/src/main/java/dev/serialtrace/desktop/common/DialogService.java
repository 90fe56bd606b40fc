package dev.serialtrace.desktop.common;

/** Every message the app shows a person goes through here. */
public interface DialogService {
    void showError(String title, String message, String whatToDo);

    void showInformation(String title, String message);
}
