package dev.serialtrace.desktop;

import dev.serialtrace.db.connect.DataHome;
import javafx.application.Application;

/**
 * Plain launcher: a main class that extends Application fails with "JavaFX runtime components
 * are missing" when JavaFX is on the class path, so this one only hands over.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        // before any logger exists: logs go to the data home
        System.setProperty("serialtrace.logdir", DataHome.fromEnvironment().logDirectory().toString());
        Application.launch(SerialtraceApp.class, args);
    }
}
