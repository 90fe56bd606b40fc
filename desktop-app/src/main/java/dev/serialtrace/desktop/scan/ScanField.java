package dev.serialtrace.desktop.scan;

import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * A text field that takes scanner input: GS (Ctrl+] or a typed 0x1D) is kept as ␝, Enter or Tab
 * ends the capture, and the key timing says whether it was scanned or typed by a person.
 */
public final class ScanField {
    private ScanField() {
    }

    /** {@code onCapture} gets the text (GS restored) and whether it arrived at scanner speed. */
    public static void install(TextField field, Duration maxKeyGap, Consumer<KeystrokeBurst.Capture> onCapture) {
        KeystrokeBurst burst = new KeystrokeBurst(maxKeyGap);
        boolean[] gsPressed = {false};
        field.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (GlobalScanFilter.isGsPress(e)) {
                field.replaceSelection(String.valueOf(KeystrokeBurst.GS_SHOWN));
                burst.key(KeystrokeBurst.GS, System.nanoTime());
                gsPressed[0] = true;
                e.consume();
            } else if (e.getCode() == KeyCode.ENTER || e.getCode() == KeyCode.TAB) {
                e.consume();
                String text = KeystrokeBurst.fromTextField(field.getText());
                KeystrokeBurst.Capture timed = burst.key('\r', System.nanoTime()).orElse(null);
                if (!text.isBlank()) {
                    // scanned only if the whole field arrived as one fast burst (no edits by hand)
                    boolean scanned = timed != null && timed.scanned() && timed.text().equals(text);
                    onCapture.accept(new KeystrokeBurst.Capture(text, scanned));
                }
            }
        });
        field.addEventFilter(KeyEvent.KEY_TYPED, e -> {
            if (e.getCharacter().isEmpty()) {
                return;
            }
            char c = e.getCharacter().charAt(0);
            if (c == KeystrokeBurst.GS) {
                if (!gsPressed[0]) {
                    field.replaceSelection(String.valueOf(KeystrokeBurst.GS_SHOWN));
                    burst.key(KeystrokeBurst.GS, System.nanoTime());
                }
                gsPressed[0] = false;
                e.consume();
                return;
            }
            if (c == '\r' || c == '\n' || c == '\t') {
                e.consume();
                return;
            }
            if (field.getText().isEmpty()) {
                burst.reset();
            }
            burst.key(c, System.nanoTime());
        });
    }
}
