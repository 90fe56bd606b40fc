package dev.serialtrace.reports;

import java.util.Locale;

public enum ReportFormat {
    PDF("pdf"), XLSX("xlsx"), CSV("csv");

    private final String extension;

    ReportFormat(String extension) {
        this.extension = extension;
    }

    public String extension() {
        return extension;
    }

    public static ReportFormat parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ReportInputException("unknown format '" + text + "': use pdf, xlsx or csv");
        }
    }
}
