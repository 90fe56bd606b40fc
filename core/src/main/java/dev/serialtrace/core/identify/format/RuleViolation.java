package dev.serialtrace.core.identify.format;

/** One way a serial broke its product's {@link FormatRule}: which part of the rule, and how. */
public record RuleViolation(Part part, String message) {

    /** The parts of a format rule, as shown to the person clearing the capture exception. */
    public enum Part { LENGTH, CHARSET, PATTERN, CHECK, CASE }
}
