package dev.serialtrace.desktop.common;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes a file next to its target and moves it into place, so a failed write never leaves half a file. */
public final class AtomicFile {
    /** What writes the content; may return what it learned while writing (e.g. how many events). */
    @FunctionalInterface
    public interface Writer<T> {
        T write(OutputStream out) throws IOException;
    }

    private AtomicFile() {
    }

    public static <T> T write(Path target, Writer<T> writer) throws IOException {
        Path temp = Files.createTempFile(target.toAbsolutePath().getParent(), "." + target.getFileName() + "-", ".part");
        try {
            T result;
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16)) {
                result = writer.write(out);
            }
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            return result;
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
