package dev.serialtrace.desktop.audit;

import dev.serialtrace.db.audit.Classification;
import dev.serialtrace.db.audit.ScanClass;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.SourceDataLine;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * A distinct sound per verdict, so the auditor can keep eyes on the shelf: one short high beep
 * for a match, two for a duplicate, falling tones for wrong location and unknown, a low buzz for
 * invalid. Tones are synthesised (no files); without a sound device it stays silent.
 */
public final class ScanSounds implements Consumer<Classification>, AutoCloseable {
    private static final float RATE = 22_050f;
    /** Per verdict: pairs of (frequency Hz, milliseconds); frequency 0 is a pause. */
    private static final Map<ScanClass, int[]> TONES = Map.of(
            ScanClass.MATCHED, new int[]{1400, 70},
            ScanClass.DUPLICATE, new int[]{1000, 50, 0, 40, 1000, 50},
            ScanClass.WRONG_LOCATION, new int[]{900, 120, 600, 160},
            ScanClass.STATUS_CONFLICT, new int[]{500, 90, 0, 40, 500, 90, 0, 40, 500, 90},
            ScanClass.UNKNOWN, new int[]{800, 110, 550, 110, 380, 160},
            ScanClass.INVALID, new int[]{180, 320},
            ScanClass.RETROFITTED, new int[]{1400, 60, 0, 30, 1700, 60},
            ScanClass.PENDING, new int[]{700, 30});
    private final ExecutorService player = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "scan-sounds");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean silent;

    @Override
    public void accept(Classification c) {
        if (silent || c == null) {
            return;
        }
        int[] tones = TONES.get(c.kind());
        player.execute(() -> play(tones));
    }

    private void play(int[] tones) {
        AudioFormat format = new AudioFormat(RATE, 8, 1, true, false);
        try (SourceDataLine line = AudioSystem.getSourceDataLine(format)) {
            line.open(format, 4096);
            line.start();
            for (int i = 0; i < tones.length; i += 2) {
                byte[] samples = tone(tones[i], tones[i + 1]);
                line.write(samples, 0, samples.length);
            }
            line.drain();
        } catch (Exception | LinkageError noSound) {
            silent = true;   // no audio device (a server, a headless test): colours still tell
        }
    }

    static byte[] tone(int hz, int millis) {
        byte[] b = new byte[(int) (RATE * millis / 1000)];
        for (int i = 0; i < b.length && hz > 0; i++) {
            double fade = Math.min(1, Math.min(i, b.length - i) / 200.0);   // no clicks at the edges
            b[i] = (byte) (Math.sin(2 * Math.PI * hz * i / RATE) * 90 * fade);
        }
        return b;
    }

    @Override
    public void close() {
        player.shutdownNow();
    }
}
