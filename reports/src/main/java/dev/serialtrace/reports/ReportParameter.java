package dev.serialtrace.reports;

/**
 * One parameter of a report: its name on the command line ({@code --name value}), its label in the
 * desktop form, what kind of value it takes (which decides the picker and the validation), and
 * whether it is required.
 */
public record ReportParameter(String name, String label, Type type, boolean required, String help) {

    public enum Type {
        /** free text */
        TEXT,
        /** identifiers of units, one per line or comma-separated (any form a scanner gives) */
        UNITS,
        /** a calendar date, yyyy-MM-dd */
        DATE,
        /** a spot audit's code */
        AUDIT,
        /** a lot code */
        LOT,
        /** a product SKU */
        PRODUCT
    }

    public static ReportParameter required(String name, String label, Type type, String help) {
        return new ReportParameter(name, label, type, true, help);
    }

    public static ReportParameter optional(String name, String label, Type type, String help) {
        return new ReportParameter(name, label, type, false, help);
    }
}
