package dev.serialtrace.db.demo;

import java.util.SplittableRandom;

/** Daily EPCIS / ASN exchanges with trading partners, a few of them failed or partial. */
final class SyncHistory {
    private static final String[][] FEEDS = {
            {"import", "Cardinal Ridge Pharmaceuticals", "epcis-json"},
            {"import", "Norvale Therapeutics", "epcis-xml"},
            {"import", "Lumatek Computing Inc.", "epcis-json"},
            {"export", "Continental Pharma Supply", "epcis-json"}};
    private static final String[] FAILURES = {"connection reset by partner endpoint",
            "document rejected: schema validation failed at line 1", "partner certificate expired"};

    private SyncHistory() {
    }

    static CopyBuffer rows(MasterData master, long seed) {
        SplittableRandom random = new SplittableRandom(seed ^ 0x73796E63L);
        CopyBuffer rows = new CopyBuffer("sync_log", "id, direction, partner, format, started_at, finished_at, status, "
                + "events_total, events_ok, events_failed, message");
        long id = 0;
        for (long day = master.historyStartDay; day <= master.lastDay; day++) {
            for (String[] feed : FEEDS) {
                long started = day * 86_400 + 4 * 3600 + random.nextInt(3600);
                int total = 50 + random.nextInt(2000);
                int r = random.nextInt(100);
                String status = r < 3 ? "failed" : r < 7 ? "partial" : "success";
                int failed = status.equals("success") ? 0 : status.equals("failed") ? total : 1 + random.nextInt(20);
                String message = status.equals("failed") ? FAILURES[random.nextInt(FAILURES.length)]
                        : status.equals("partial") ? failed + " events refer to unknown serials" : null;
                rows.num(++id).text(feed[0]).text(feed[1]).text(feed[2]).time(started)
                        .time(started + 5 + total / 20 + random.nextInt(60)).text(status).num(total).num(total - failed)
                        .num(failed).text(message).endRow();
            }
        }
        return rows;
    }
}
