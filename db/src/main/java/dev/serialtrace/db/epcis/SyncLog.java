package dev.serialtrace.db.epcis;

import org.jooq.DSLContext;
import org.jooq.Field;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

import static dev.serialtrace.db.jooq.Tables.SYNC_LOG;

/** One line per import or export in {@code sync_log}; the sync-success KPI reads it. */
public final class SyncLog {
    public enum Status { success, partial, failed }

    private SyncLog() {
    }

    public static long write(DSLContext dsl, String direction, String partner, String format, OffsetDateTime started,
                             OffsetDateTime finished, Status status, long total, long ok, long failed, String message) {
        return dsl.insertInto(SYNC_LOG)
                .set(SYNC_LOG.DIRECTION, direction)
                .set(SYNC_LOG.PARTNER, partner == null || partner.isBlank() ? "(unnamed)" : partner)
                .set(SYNC_LOG.FORMAT, format)
                .set(SYNC_LOG.STARTED_AT, started)
                .set(outcome(finished, status, total, ok, failed, message))
                .returning(SYNC_LOG.ID).fetchOne().getId();
    }

    /** Records the outcome of a run written as started (by {@link #write} with no finish time). */
    public static void finish(DSLContext dsl, long id, OffsetDateTime finished, Status status, long total, long ok, long failed,
                              String message) {
        dsl.update(SYNC_LOG).set(outcome(finished, status, total, ok, failed, message)).where(SYNC_LOG.ID.eq(id)).execute();
    }

    private static Map<Field<?>, Object> outcome(OffsetDateTime finished, Status status, long total, long ok, long failed,
                                                 String message) {
        Map<Field<?>, Object> m = new LinkedHashMap<>();
        m.put(SYNC_LOG.FINISHED_AT, finished);
        m.put(SYNC_LOG.STATUS, dev.serialtrace.db.jooq.enums.SyncStatus.valueOf(status.name()));
        m.put(SYNC_LOG.EVENTS_TOTAL, count(total));
        m.put(SYNC_LOG.EVENTS_OK, count(ok));
        m.put(SYNC_LOG.EVENTS_FAILED, count(failed));
        m.put(SYNC_LOG.MESSAGE, message == null ? null : message.length() > 2000 ? message.substring(0, 2000) : message);
        return m;
    }

    private static int count(long n) {
        return (int) Math.min(Integer.MAX_VALUE, n);
    }
}
