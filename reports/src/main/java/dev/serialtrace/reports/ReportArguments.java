package dev.serialtrace.reports;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The values given for a report's parameters, trimmed, blanks dropped, sorted by name: the
 * canonical form that goes into the report id. {@link #AS_OF} is every report's data watermark.
 */
public final class ReportArguments {
    /** History recorded after this moment is left out, so the same arguments give the same report later. */
    public static final String AS_OF = "as-of";

    private final Map<String, String> values;

    private ReportArguments(Map<String, String> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    public static ReportArguments of(Map<String, String> raw) {
        Map<String, String> clean = new TreeMap<>();
        raw.forEach((k, v) -> {
            if (v != null && !v.isBlank()) {
                clean.put(k, v.strip());
            }
        });
        return new ReportArguments(clean);
    }

    public ReportArguments with(String name, String value) {
        Map<String, String> copy = new TreeMap<>(values);
        copy.put(name, value);
        return of(copy);
    }

    public Map<String, String> values() {
        return values;
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    public String text(String name) {
        return values.get(name);
    }

    public LocalDate date(String name) {
        String v = values.get(name);
        if (v == null) {
            return null;
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw new ReportInputException(name + ": '" + v + "' is not a date; write it as yyyy-MM-dd, e.g. 2026-01-31");
        }
    }

    public OffsetDateTime asOf() {
        String v = values.get(AS_OF);
        try {
            return OffsetDateTime.parse(v);
        } catch (DateTimeParseException | NullPointerException e) {
            throw new ReportInputException(AS_OF + ": '" + v + "' is not a moment; write it as 2026-01-31T18:00:00Z");
        }
    }

    /** Identifiers separated by new lines, commas, semicolons or tabs; duplicates kept once, order kept. */
    public List<String> list(String name) {
        String v = values.get(name);
        List<String> out = new ArrayList<>();
        if (v != null) {
            for (String part : v.split("[\\r\\n,;\\t]+")) {
                String p = part.strip();
                if (!p.isEmpty() && !out.contains(p)) {
                    out.add(p);
                }
            }
        }
        return out;
    }

    /** "name: value; name: value" in canonical order, for the page header. */
    public String describe(List<ReportParameter> parameters) {
        List<String> parts = new ArrayList<>();
        for (ReportParameter p : parameters) {
            String v = values.get(p.name());
            if (v != null) {
                if (p.type() == ReportParameter.Type.UNITS) {
                    List<String> ids = list(p.name());
                    v = ids.size() <= 6 ? String.join(", ", ids) : String.join(", ", ids.subList(0, 5)) + " … (" + ids.size() + " in all)";
                }
                parts.add(p.label() + ": " + v);
            }
        }
        return String.join("    ", parts);
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
