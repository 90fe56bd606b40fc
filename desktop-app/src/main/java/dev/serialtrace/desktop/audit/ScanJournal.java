package dev.serialtrace.desktop.audit;

import dev.serialtrace.db.audit.AuditScan;
import dev.serialtrace.db.audit.ScanClass;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The audit's scans on the local disk, written (and fsynced) before they are sent, so no scan is
 * lost when the database connection drops or the laptop dies. One append-only file per audit:
 * {@code S} lines carry a scan (retrofits with their stock row), {@code K} lines a later classification (a scan judged once the
 * database answered), {@code A} lines say the database has stored it. What has no {@code A} is
 * replayed; the database stores a client scan id once, so a replay after a lost acknowledgement
 * is harmless.
 */
public final class ScanJournal implements AutoCloseable {
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder UNB64 = Base64.getUrlDecoder();

    private final Path file;
    private final FileChannel channel;
    private final Map<UUID, AuditScan> scans = new LinkedHashMap<>();
    private final Map<UUID, Boolean> stored = new LinkedHashMap<>();

    public ScanJournal(Path file) {
        this.file = file;
        try {
            Files.createDirectories(file.getParent());
            if (Files.exists(file)) {
                read();
            }
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the scan journal " + file, e);
        }
    }

    public Path file() {
        return file;
    }

    /** Appends a scan and forces it to disk. */
    public synchronized void append(AuditScan s) {
        write(String.join("\t", "S", s.clientScanId().toString(), String.valueOf(s.auditId()), String.valueOf(s.seq()),
                s.scannedAt().toString(), s.locationId() == null ? "" : s.locationId().toString(), enc(s.rawInput()),
                s.manual() ? "M" : "S", enc(s.manualReason()), s.unitId() == null ? "" : s.unitId().toString(),
                s.classification().name(), enc(s.detail()), s.stockId() == null ? "" : s.stockId().toString()), true);
        scans.put(s.clientScanId(), s);
        stored.put(s.clientScanId(), false);
    }

    /** A scan classified after it was journaled (it needed the database). */
    public synchronized void reclassify(AuditScan s) {
        write(String.join("\t", "K", s.clientScanId().toString(), s.unitId() == null ? "" : s.unitId().toString(),
                s.classification().name(), enc(s.detail())), true);
        scans.put(s.clientScanId(), s);
    }

    /** The database has it. Not forced: a lost acknowledgement only means one harmless replay. */
    public synchronized void acknowledge(UUID clientScanId) {
        write("A\t" + clientScanId, false);
        stored.put(clientScanId, true);
    }

    /** Scans the database does not have yet, in scan order. */
    public synchronized List<AuditScan> waiting() {
        List<AuditScan> out = new ArrayList<>();
        stored.forEach((id, done) -> {
            if (!done) {
                out.add(scans.get(id));
            }
        });
        return out;
    }

    public synchronized int waitingCount() {
        return (int) stored.values().stream().filter(done -> !done).count();
    }

    public synchronized List<AuditScan> all() {
        return List.copyOf(scans.values());
    }

    private void write(String line, boolean force) {
        try {
            ByteBuffer b = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8));
            while (b.hasRemaining()) {
                channel.write(b);
            }
            if (force) {
                channel.force(false);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the scan journal " + file, e);
        }
    }

    private void read() throws IOException {
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String[] f = line.split("\t", -1);
            try {
                switch (f[0]) {
                    case "S" -> {
                        AuditScan s = new AuditScan(Long.parseLong(f[2]), UUID.fromString(f[1]), Integer.parseInt(f[3]),
                                OffsetDateTime.parse(f[4]), f[5].isEmpty() ? null : Long.valueOf(f[5]), dec(f[6]),
                                f[7].equals("M"), dec(f[8]), f[9].isEmpty() ? null : Long.valueOf(f[9]),
                                ScanClass.valueOf(f[10]), dec(f[11]), f.length > 12 && !f[12].isEmpty() ? Long.valueOf(f[12]) : null);
                        scans.put(s.clientScanId(), s);
                        stored.putIfAbsent(s.clientScanId(), false);
                    }
                    case "K" -> {
                        UUID id = UUID.fromString(f[1]);
                        AuditScan s = scans.get(id);
                        if (s != null) {
                            scans.put(id, new AuditScan(s.auditId(), id, s.seq(), s.scannedAt(), s.locationId(), s.rawInput(),
                                    s.manual(), s.manualReason(), f[2].isEmpty() ? null : Long.valueOf(f[2]),
                                    ScanClass.valueOf(f[3]), dec(f[4]), s.stockId()));
                        }
                    }
                    case "A" -> stored.put(UUID.fromString(f[1]), true);
                    default -> { }
                }
            } catch (RuntimeException torn) {
                // a line cut short by a crash mid-write: the scan before it was forced, this one was never shown as kept
            }
        }
    }

    private static String enc(String s) {
        return s == null ? "-" : "=" + B64.encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String dec(String s) {
        return s.equals("-") ? null : new String(UNB64.decode(s.substring(1)), StandardCharsets.UTF_8);
    }

    @Override
    public synchronized void close() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing a journal whose lines are all forced
        }
    }
}
