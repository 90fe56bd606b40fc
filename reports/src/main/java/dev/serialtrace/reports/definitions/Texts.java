package dev.serialtrace.reports.definitions;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** How reports write times, parties and blanks: the same everywhere, so inspectors read one style. */
final class Texts {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx");
    static final String NONE = "—";

    private Texts() {
    }

    /** A moment in the zone where it happened, with the zone named: "2026-03-01 09:12:33 -06:00 America/Chicago". */
    static String at(OffsetDateTime t, String zone) {
        if (t == null) {
            return NONE;
        }
        try {
            ZoneId z = ZoneId.of(zone);
            return t.atZoneSameInstant(z).format(TIME) + " " + z.getId();
        } catch (DateTimeException | NullPointerException e) {
            return t.format(TIME);
        }
    }

    static String at(OffsetDateTime t, ZoneId zone) {
        return t == null ? NONE : t.atZoneSameInstant(zone).format(TIME) + " " + zone.getId();
    }

    static String date(LocalDate d) {
        return d == null ? NONE : d.toString();
    }

    static String orNone(Object o) {
        return o == null || o.toString().isBlank() ? NONE : o.toString();
    }

    /** Non-blank parts joined. */
    static String join(String separator, String... parts) {
        return Stream.of(parts).filter(Objects::nonNull).filter(s -> !s.isBlank()).collect(Collectors.joining(separator));
    }

    static String arrow(String from, String to) {
        if (from == null && to == null) {
            return "";
        }
        return (from == null ? NONE : from) + " → " + (to == null ? NONE : to);
    }

    static String percent(long part, long whole) {
        return whole == 0 ? NONE : String.format(java.util.Locale.ROOT, "%.1f %%", 100.0 * part / whole);
    }
}
