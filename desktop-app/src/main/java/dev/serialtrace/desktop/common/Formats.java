package dev.serialtrace.desktop.common;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** How times and dates read everywhere in the client. */
public final class Formats {
    private static final DateTimeFormatter WITH_ZONE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE;

    private Formats() {
    }

    /** A time in the zone where it happened, e.g. "2026-02-01 02:00 CST". */
    public static String inZone(OffsetDateTime t, String zone) {
        if (t == null) {
            return "";
        }
        ZoneId id;
        try {
            id = zone == null ? t.getOffset() : ZoneId.of(zone);
        } catch (DateTimeException e) {
            id = t.getOffset();
        }
        return WITH_ZONE.format(t.atZoneSameInstant(id));
    }

    public static String inZone(OffsetDateTime t, ZoneId zone) {
        return t == null ? "" : WITH_ZONE.format(t.atZoneSameInstant(zone));
    }

    public static String date(LocalDate d) {
        return d == null ? "" : DATE.format(d);
    }

    /** CBV names as people say them: "sellable_accessible" → "sellable accessible". */
    public static String words(String cbvName) {
        return cbvName == null ? "" : cbvName.replace('_', ' ');
    }

    public static String orDash(String s) {
        return s == null || s.isBlank() ? "—" : s;
    }
}
