package dev.serialtrace.core.identify;

/** What kind of identifier a capture turned out to be; {@link #label()} is the CLI/JSON spelling. */
public enum IdentifierKind {
    GS1("gs1"),
    DIGITAL_LINK("digital-link"),
    HIBC("hibc"),
    SGTIN("sgtin"),
    INTERNAL("internal"),
    PLAIN("plain");

    private final String label;

    IdentifierKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
