package dev.serialtrace.reports;

import java.util.Arrays;
import java.util.List;

/**
 * One line of a report, in the row model every template shares: rows belong to a section (title
 * and column heads repeated on each page) and are a table row in layout A or B, a total row
 * (layout A, bold), a label/value row, a paragraph of text, a bold bar across the table (a sub-heading
 * such as the unit a run of rows belongs to), or a small gap.
 */
public record ReportRow(String section, String sectionTitle, String layout, Kind kind, List<String> heads,
                        List<String> cells, boolean flagged, java.awt.Image chart) {
    public static final int MAX_COLUMNS = 12;

    public enum Kind { A, B, TOTAL, KV, TEXT, BAR, GAP, CHART }

    public ReportRow(String section, String sectionTitle, String layout, Kind kind, List<String> heads, List<String> cells,
                     boolean flagged) {
        this(section, sectionTitle, layout, kind, heads, cells, flagged, null);
    }

    public ReportRow {
        heads = heads == null ? List.of() : heads;
        cells = cells == null ? List.of() : cells;
        if (cells.size() > MAX_COLUMNS || heads.size() > MAX_COLUMNS) {
            throw new IllegalArgumentException("at most " + MAX_COLUMNS + " columns");
        }
    }

    public String cell(int i) {
        return i < cells.size() ? cells.get(i) : null;
    }

    public String head(int i) {
        return i < heads.size() ? heads.get(i) : null;
    }

    /**
     * A section of the report: rows added through it share its key, title, and the column heads of
     * its layout (shown at its start and on each page it continues to; none without heads).
     */
    public record Section(String key, String title, String layout, List<String> heads) {
        /** Table rows in layout A (or no table when no heads are given). */
        public static Section of(String key, String title, String... heads) {
            return new Section(key, title, heads.length == 0 ? null : "A", Arrays.asList(heads));
        }

        /** Table rows in layout B. */
        public static Section ofB(String key, String title, String... heads) {
            return new Section(key, title, "B", Arrays.asList(heads));
        }

        public ReportRow row(String... cells) {
            return new ReportRow(key, title, layout, Kind.A, heads, Arrays.asList(cells), false);
        }

        public ReportRow flaggedRow(boolean flagged, String... cells) {
            return new ReportRow(key, title, layout, Kind.A, heads, Arrays.asList(cells), flagged);
        }

        public ReportRow rowB(String... cells) {
            return new ReportRow(key, title, layout, Kind.B, heads, Arrays.asList(cells), false);
        }

        public ReportRow total(String... cells) {
            return new ReportRow(key, title, layout, Kind.TOTAL, heads, Arrays.asList(cells), false);
        }

        public ReportRow kv(String label, String value) {
            return new ReportRow(key, title, layout, Kind.KV, heads, Arrays.asList(label, value), false);
        }

        public ReportRow text(String text) {
            return new ReportRow(key, title, layout, Kind.TEXT, heads, List.of(text), false);
        }

        /**
         * A chart drawn from numbers the section also prints as rows (so the report id, which
         * digests the rows, covers it); {@code caption} is its text in CSV and for screen readers.
         */
        public ReportRow chart(java.awt.Image image, String caption) {
            return new ReportRow(key, title, layout, Kind.CHART, heads, List.of(caption), false, image);
        }

        /** A bold line across the whole width, inside the section's table. */
        public ReportRow bar(String text) {
            return new ReportRow(key, title, layout, Kind.BAR, heads, List.of(text), false);
        }

        public ReportRow gap() {
            return new ReportRow(key, title, layout, Kind.GAP, heads, List.of(), false);
        }
    }
}
