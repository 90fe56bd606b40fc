package dev.serialtrace.reports;

import java.util.List;

/**
 * One report of the catalogue: its name (command line), title, parameters, template, and the rows
 * it prints for given arguments. Rows are produced on a worker thread and streamed into the fill,
 * so a definition may run a long cursor without holding the rows in memory.
 */
public interface ReportDefinition {
    String name();

    String title();

    String description();

    List<ReportParameter> parameters();

    /** The compiled template's base name under dev/serialtrace/reports/templates. */
    default String template() {
        return name();
    }

    /** Checks the arguments before anything runs (required ones, exclusive choices); throws {@link ReportInputException}. */
    default void validate(ReportArguments arguments) {
        for (ReportParameter p : parameters()) {
            if (p.required() && !arguments.has(p.name())) {
                throw new ReportInputException(title() + " needs " + p.label() + " (--" + p.name() + ")");
            }
            if (p.type() == ReportParameter.Type.DATE) {
                arguments.date(p.name());
            }
        }
    }

    /** Whether it can run today (the integrity report waits for its data source). */
    default boolean available() {
        return true;
    }

    void produce(ReportContext context, ReportArguments arguments, RowSink sink);
}
