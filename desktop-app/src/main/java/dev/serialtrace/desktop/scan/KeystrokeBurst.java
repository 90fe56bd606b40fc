package dev.serialtrace.desktop.scan;

import java.time.Duration;
import java.util.Optional;

/**
 * Tells a USB scanner from a person by keystroke timing. A keyboard-wedge scanner "types" a
 * whole payload with a few milliseconds between keys and ends it with Enter (or Tab); people
 * are slower and uneven. Feed every typed character with its time; a finished capture comes
 * back when the terminator arrives.
 */
public final class KeystrokeBurst {
    public static final char GS = '\u001d';
    /** How GS shows in a text field: text controls drop control characters, so GS is kept as ␝. */
    public static final char GS_SHOWN = '\u241d';

    /** A capture as a text field may hold it (GS shown as ␝). */
    public static String forTextField(String capture) {
        return capture.replace(GS, GS_SHOWN);
    }

    /** Back from a text field to what the scanner sent. */
    public static String fromTextField(String text) {
        return text.replace(GS_SHOWN, GS);
    }

    /** What was captured and whether it arrived at scanner speed. */
    public record Capture(String text, boolean scanned) {
    }

    /** Keys the window had queued while it was busy are handled back to back, far faster than any scanner sends them. */
    private static final long QUEUED_NANOS = 2_000_000;

    private final long maxGapNanos;
    private final long staleNanos;
    private final StringBuilder buffer = new StringBuilder();
    private long lastKeyNanos;
    /** A pause longer than a scanner's that is not yet explained by the keys after it. */
    private boolean slowGapPending;
    private boolean slowGap;

    /** @param maxGap the longest pause between two keys of one scan (scanners: 1–20 ms; 35 ms is a safe default) */
    public KeystrokeBurst(Duration maxGap) {
        this.maxGapNanos = maxGap.toNanos();
        this.staleNanos = Duration.ofSeconds(3).toNanos();
    }

    public Optional<Capture> key(char c, long nanos) {
        if (buffer.length() > 0 && nanos - lastKeyNanos > staleNanos) {
            reset();   // an abandoned half-typed id must not prefix the next scan
        }
        if (c == '\r' || c == '\n' || c == '\t') {
            if (buffer.length() == 0) {
                return Optional.empty();
            }
            timeGap(nanos);
            Capture capture = new Capture(buffer.toString(), buffer.length() >= 4 && !slowGap && !slowGapPending);
            reset();
            return Optional.of(capture);
        }
        if (c < ' ' && c != GS) {
            return Optional.empty();   // other control characters are not part of any identifier
        }
        if (buffer.length() > 0) {
            timeGap(nanos);
        }
        buffer.append(c);
        lastKeyNanos = nanos;
        return Optional.empty();
    }

    public boolean isEmpty() {
        return buffer.length() == 0;
    }

    public void reset() {
        buffer.setLength(0);
        slowGap = false;
        slowGapPending = false;
    }

    /**
     * Times are taken when the window handles a key, not when the scanner sent it. If the window
     * was busy mid-scan (a garbage collection, the first sound played, a table laid out), one gap
     * looks long and the keys sent meanwhile then arrive back to back: that pause was ours, not
     * the scanner's. A long pause followed by keys at any other pace is a person's.
     */
    private void timeGap(long nanos) {
        long gap = nanos - lastKeyNanos;
        if (slowGapPending) {
            slowGapPending = false;
            slowGap |= gap > QUEUED_NANOS;
        }
        if (gap > maxGapNanos) {
            slowGapPending = true;
        }
    }
}
