package dev.serialtrace.core.identify.hibc;

import dev.serialtrace.core.identify.format.CheckScheme;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * Reads HIBC Supplier Labeling (ANSI/HIBC 2.x) data: primary {@code +LLLLPPP…U C}, secondary
 * {@code +<secondary data> <link> C} and concatenated {@code +LLLLPPP…U/<secondary data> C}, where C
 * is the mod-43 check character over everything before it (the '+' included).
 *
 * <p>Secondary data: {@code $lot}, {@code $+serial}, {@code $$<date flag><date>lot},
 * {@code $$+<date flag><date>serial}, or the legacy {@code YYJJJ lot}; date flags 0/1 (MMYY), 2 (MMDDYY),
 * 3 (YYMMDD), 4 (YYMMDDHH), 5 (YYJJJ), 6 (YYJJJHH), 7 (no date), and 8/9 (2- or 5-digit quantity
 * followed by a date flag). Supplementary fields after '/' are read for {@code /S} serial,
 * {@code /14D} expiry and {@code /16D} production date (YYYYMMDD). Two-digit years are 20YY.
 */
public final class HibcParser {

    private HibcParser() {
    }

    public static HibcData parse(String raw, int start) {
        if (raw.length() - start < 3 || raw.charAt(start) != '+') {
            throw new HibcException("HIBC data must start with '+' and have a check character", start);
        }
        int checkAt = raw.length() - 1;
        String data = raw.substring(start, checkAt);
        for (int i = 0; i < raw.length() - start; i++) {
            if (CheckScheme.MOD43.indexOf(raw.charAt(start + i)) < 0) {
                throw new HibcException("character '" + raw.charAt(start + i) + "' is not allowed in HIBC", start + i);
            }
        }
        String expected = CheckScheme.HIBC_MOD43.compute(data);
        if (raw.charAt(checkAt) != expected.charAt(0)) {
            throw new HibcException("HIBC check character should be '" + expected + "'", checkAt);
        }
        int content = start + 1;
        char first = raw.charAt(content);
        Builder b = new Builder();
        if (first >= 'A' && first <= 'Z') {
            int slash = data.indexOf('/', 1);
            int primaryEnd = slash < 0 ? checkAt : start + slash;
            primary(raw, content, primaryEnd, b);
            if (slash >= 0) {
                secondary(raw, primaryEnd + 1, checkAt, b);
            }
        } else if (first == '$' || Character.isDigit(first)) {
            // standalone secondary: the character before the check is the link to the primary
            secondary(raw, content, checkAt - 1, b);
        } else {
            throw new HibcException("expected a labeler code (letter first) or secondary data", content);
        }
        return new HibcData(b.labeler, b.productCode, b.lot, b.serial, b.expiry, b.productionDate, b.quantity);
    }

    private static void primary(String raw, int from, int to, Builder b) {
        int length = to - from;
        if (length < 6 || length > 23) {
            throw new HibcException("primary data needs a 4-character labeler code, a 1–18 character product "
                    + "number and a unit-of-measure digit", from);
        }
        for (int i = from; i < to; i++) {
            char c = raw.charAt(i);
            if (!(Character.isDigit(c) || (c >= 'A' && c <= 'Z'))) {
                throw new HibcException("primary data must be letters and digits", i);
            }
        }
        if (!Character.isDigit(raw.charAt(to - 1))) {
            throw new HibcException("unit of measure must be a digit", to - 1);
        }
        b.labeler = raw.substring(from, from + 4);
        b.productCode = raw.substring(from, to);
    }

    private static void secondary(String raw, int from, int to, Builder b) {
        if (from >= to) {
            throw new HibcException("secondary data is empty", from);
        }
        int slash = raw.indexOf('/', from);
        int end = slash < 0 || slash > to ? to : slash;
        int i = from;
        boolean serial = false;
        if (raw.startsWith("$$", i)) {
            i += 2;
            if (i < end && raw.charAt(i) == '+') {
                serial = true;
                i++;
            }
            i = dated(raw, i, end, b);
        } else if (raw.startsWith("$+", i)) {
            serial = true;
            i += 2;
        } else if (raw.charAt(i) == '$') {
            i++;
        } else {
            b.expiry = julian(raw, i, end);
            i += 5;
        }
        String id = raw.substring(i, end);
        if (serial) {
            b.serial = id.isEmpty() ? null : id;
        } else {
            b.lot = id.isEmpty() ? null : id;
        }
        if (end < to) {
            supplementary(raw, end + 1, to, b);
        }
    }

    /** Reads an optional quantity, the date flag and date; returns the index after them. */
    private static int dated(String raw, int i, int end, Builder b) {
        if (i >= end) {
            throw new HibcException("missing date format flag", i);
        }
        char flag = raw.charAt(i);
        switch (flag) {
            case '0', '1' -> {
                digits(raw, i, 4, end);
                int month = num(raw, i, 2);
                b.expiry = yearMonth(2000 + num(raw, i + 2, 2), month, i).atEndOfMonth();
                return i + 4;
            }
            case '2' -> {
                digits(raw, i + 1, 6, end);
                b.expiry = date(2000 + num(raw, i + 5, 2), num(raw, i + 1, 2), num(raw, i + 3, 2), i + 1);
                return i + 7;
            }
            case '3', '4' -> {
                int len = flag == '3' ? 6 : 8;
                digits(raw, i + 1, len, end);
                b.expiry = date(2000 + num(raw, i + 1, 2), num(raw, i + 3, 2), num(raw, i + 5, 2), i + 1);
                return i + 1 + len;
            }
            case '5', '6' -> {
                int len = flag == '5' ? 5 : 7;
                digits(raw, i + 1, len, end);
                b.expiry = julian(raw, i + 1, end);
                return i + 1 + len;
            }
            case '7' -> {
                return i + 1;
            }
            case '8', '9' -> {
                int len = flag == '8' ? 2 : 5;
                digits(raw, i + 1, len, end);
                b.quantity = num(raw, i + 1, len);
                return dated(raw, i + 1 + len, end, b);
            }
            default -> throw new HibcException("unknown date format flag '" + flag + "'", i);
        }
    }

    private static void supplementary(String raw, int from, int to, Builder b) {
        int i = from;
        while (i < to) {
            int next = raw.indexOf('/', i);
            int end = next < 0 || next > to ? to : next;
            if (raw.startsWith("14D", i) || raw.startsWith("16D", i)) {
                digits(raw, i + 3, 8, end);
                LocalDate d = date(num(raw, i + 3, 4), num(raw, i + 7, 2), num(raw, i + 9, 2), i + 3);
                if (raw.startsWith("14D", i)) {
                    b.expiry = d;
                } else {
                    b.productionDate = d;
                }
            } else if (raw.startsWith("S", i) && end > i + 1) {
                b.serial = raw.substring(i + 1, end);
            }
            i = end + 1;
        }
    }

    private static LocalDate julian(String raw, int i, int end) {
        digits(raw, i, 5, end);
        int year = 2000 + num(raw, i, 2);
        int day = num(raw, i + 2, 3);
        if (day < 1 || day > java.time.Year.of(year).length()) {
            throw new HibcException("illegal day of year " + day, i + 2);
        }
        return LocalDate.ofYearDay(year, day);
    }

    private static YearMonth yearMonth(int year, int month, int at) {
        if (month < 1 || month > 12) {
            throw new HibcException("illegal month " + month, at);
        }
        return YearMonth.of(year, month);
    }

    private static LocalDate date(int year, int month, int day, int at) {
        YearMonth ym = yearMonth(year, month, at);
        if (day < 1 || day > ym.lengthOfMonth()) {
            throw new HibcException("illegal day " + day, at);
        }
        return ym.atDay(day);
    }

    private static void digits(String raw, int from, int count, int end) {
        for (int i = from; i < from + count; i++) {
            if (i >= end || !Character.isDigit(raw.charAt(i))) {
                throw new HibcException("expected " + count + " digits", Math.min(i, end));
            }
        }
    }

    private static int num(String raw, int from, int count) {
        return Integer.parseInt(raw.substring(from, from + count));
    }

    private static final class Builder {
        String labeler;
        String productCode;
        String lot;
        String serial;
        LocalDate expiry;
        LocalDate productionDate;
        Integer quantity;
    }
}
