package dev.serialtrace.db.epcis;

import org.jooq.DSLContext;

import java.time.OffsetDateTime;

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
                .set(SYNC_LOG.FINISHED_AT, finished)
                .set(SYNC_LOG.STATUS, dev.serialtrace.db.jooq.enums.SyncStatus.valueOf(status.name()))
                .set(SYNC_LOG.EVENTS_TOTAL, count(total))
                .set(SYNC_LOG.EVENTS_OK, count(ok))
                .set(SYNC_LOG.EVENTS_FAILED, count(failed))
                .set(SYNC_LOG.MESSAGE, clip(message))
                .returning(SYNC_LOG.ID).fetchOne().getId();
    }

    /** Records the outcome of a run written as started (by {@link #write} with no finish time). */
    public static void finish(DSLContext dsl, long id, OffsetDateTime finished, Status status, long total, long ok, long failed,
                              String message) {
        dsl.update(SYNC_LOG)
                .set(SYNC_LOG.FINISHED_AT, finished)
                .set(SYNC_LOG.STATUS, dev.serialtrace.db.jooq.enums.SyncStatus.valueOf(status.name()))
                .set(SYNC_LOG.EVENTS_TOTAL, count(total))
                .set(SYNC_LOG.EVENTS_OK, count(ok))
                .set(SYNC_LOG.EVENTS_FAILED, count(failed))
                .set(SYNC_LOG.MESSAGE, clip(message))
                .where(SYNC_LOG.ID.eq(id)).execute();
    }

    private static int count(long n) {
        return (int) Math.min(Integer.MAX_VALUE, n);
    }

    private static String clip(String message) {
        return message == null ? null : message.length() > 2000 ? message.substring(0, 2000) : message;
    }
}
