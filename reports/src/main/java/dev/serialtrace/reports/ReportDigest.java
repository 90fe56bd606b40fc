package dev.serialtrace.reports;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The report id: SHA-256 over the report's name, its canonical arguments (including the as-of
 * watermark) and every row it printed, in order; shown as "ST-" and the first 20 hex digits in
 * groups of four. Generated-at and generated-by are not in it: the same report regenerated from
 * the same data and arguments gets the same id, and any difference in content gives another.
 * The id is known only when the last row is in, which is why the templates print it with
 * evaluation time "Report".
 */
public final class ReportDigest implements Supplier<String> {
    private static final byte UNIT_SEPARATOR = 0x1f;
    private static final byte RECORD_SEPARATOR = 0x1e;
    private final MessageDigest sha;
    private String id;
    private boolean complete;

    public ReportDigest(String reportName, ReportArguments arguments) {
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        field(reportName);
        for (Map.Entry<String, String> e : arguments.values().entrySet()) {
            field(e.getKey());
            field(e.getValue());
        }
        sha.update(RECORD_SEPARATOR);
    }

    public synchronized void add(ReportRow row) {
        field(row.section());
        field(row.kind().name());
        for (String c : row.cells()) {
            field(c);
        }
        sha.update(RECORD_SEPARATOR);
    }

    private void field(String s) {
        if (s != null) {
            sha.update(s.getBytes(StandardCharsets.UTF_8));
        }
        sha.update(UNIT_SEPARATOR);
    }

    /** Every row is in: from now on {@link #get} gives the id. */
    public synchronized void complete() {
        complete = true;
    }

    /**
     * The id once every row is in; before that a placeholder, because the fill may evaluate the
     * expression early to estimate sizes (the real value replaces it at the end of the report).
     */
    @Override
    public synchronized String get() {
        if (!complete) {
            return "(pending)";
        }
        if (id == null) {
            String hex = HexFormat.of().formatHex(sha.digest()).substring(0, 20).toUpperCase();
            id = "ST-" + hex.replaceAll("(.{4})(?!$)", "$1-");
        }
        return id;
    }
}
