package dev.serialtrace.desktop.scan;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyEvent;

import java.util.function.Consumer;

/**
 * Scanning (or typing) anywhere in the window while no text field has focus opens the unit:
 * keys go to a {@link KeystrokeBurst} instead of the focused control.
 */
public final class GlobalScanFilter {
    private final KeystrokeBurst burst;
    private final Consumer<KeystrokeBurst.Capture> onCapture;

    public GlobalScanFilter(KeystrokeBurst burst, Consumer<KeystrokeBurst.Capture> onCapture) {
        this.burst = burst;
        this.onCapture = onCapture;
    }

    /** Scanners send GS as Ctrl+]; some platforms also deliver it as a typed 0x1D, some do not. */
    private boolean gsPressed;

    public void install(Scene scene) {
        scene.addEventFilter(KeyEvent.KEY_TYPED, e -> {
            Node focus = scene.getFocusOwner();
            if (focus instanceof TextInputControl || e.getCharacter().isEmpty()) {
                return;
            }
            if (isGs(e) && gsPressed) {
                gsPressed = false;   // already taken from the key press
                e.consume();
                return;
            }
            if (e.isShortcutDown() && !isGs(e)) {
                return;
            }
            char c = e.getCharacter().charAt(0);
            burst.key(c, System.nanoTime()).ifPresent(onCapture);
            if (!burst.isEmpty() || c == '\r' || c == '\t' || c == '\n') {
                e.consume();
            }
        });
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (!(scene.getFocusOwner() instanceof TextInputControl) && isGsPress(e)) {
                burst.key(KeystrokeBurst.GS, System.nanoTime());
                gsPressed = true;
                e.consume();
            }
        });
        // Enter and Tab finish a scan: keep them from pressing buttons or moving focus meanwhile
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (!(scene.getFocusOwner() instanceof TextInputControl) && !burst.isEmpty()
                    && (e.getCode() == javafx.scene.input.KeyCode.ENTER || e.getCode() == javafx.scene.input.KeyCode.TAB)) {
                burst.key('\r', System.nanoTime()).ifPresent(onCapture);
                e.consume();
            }
        });
    }

    /** Ctrl+] — the key a keyboard-wedge scanner sends for GS. */
    public static boolean isGsPress(KeyEvent e) {
        return e.isControlDown() && e.getCode() == javafx.scene.input.KeyCode.CLOSE_BRACKET;
    }

    static boolean isGs(KeyEvent e) {
        return !e.getCharacter().isEmpty() && e.getCharacter().charAt(0) == KeystrokeBurst.GS;
    }
}
