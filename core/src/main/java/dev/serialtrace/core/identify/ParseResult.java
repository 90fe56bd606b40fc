package dev.serialtrace.core.identify;

/** What {@link ScanParser#parse} made of one capture: a {@link ProductIdentifier} or a {@link ParseError}. */
public sealed interface ParseResult permits ProductIdentifier, ParseError {

    boolean ok();
}
