package dev.serialtrace.cli;

import javax.management.ObjectName;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An EPCIS import of a document up to {@link #LARGEST} bytes compiles with the JVM's quick compiler
 * (C1) only, as {@code -XX:TieredStopAtLevel=1} would: C2 spent as much CPU compiling as the import
 * spent importing, on the two cores the database needs too. A larger document keeps C2, whose code
 * pays back its compilation over a long import. The launchers start every command alike, so the
 * import command chooses at run time, through a compiler directive (HotSpot's Compiler Control);
 * see docs/decisions/0013-short-imports-compile-quickly.md.
 */
final class QuickCompilation {
    /** C1 imported 100,000 events (47 MB) 18 % faster; at 250,000 (118 MB) the two were even, and C2 won by 1 GB. */
    static final long LARGEST = 64L << 20;
    static final String EXCLUDE_C2 = "[{ match: \"*.*\", c2: { Exclude: true } }]";
    private static final String DIAGNOSTIC_COMMAND = "com.sun.management:type=DiagnosticCommand";

    private static boolean added;

    private QuickCompilation() {
    }

    static boolean suits(long documentBytes) {
        return documentBytes <= LARGEST;
    }

    /**
     * From now on, methods this JVM has not compiled with C2 yet stay with C1. True if the directive
     * is in place (added once per JVM); false on a JVM without HotSpot's diagnostic commands, which
     * then compiles as usual.
     */
    static synchronized boolean fromNowOn() {
        if (!added) {
            added = add();
        }
        return added;
    }

    /** Adds the directive; true if the JVM took it. */
    static boolean add() {
        Path directive = null;
        try {
            directive = Files.createTempFile("serialtrace-compilation", ".json");
            Files.writeString(directive, EXCLUDE_C2);
            Object out = command("compilerDirectivesAdd", directive.toString());
            return !String.valueOf(out).toLowerCase(java.util.Locale.ROOT).contains("fail");
        } catch (Exception | LinkageError unavailable) {
            return false;
        } finally {
            if (directive != null) {
                try {
                    Files.deleteIfExists(directive);
                } catch (java.io.IOException ignored) {
                    // a temporary file of a few bytes
                }
            }
        }
    }

    /** A HotSpot diagnostic command (as {@code jcmd} would run it) in this JVM: its output. */
    static Object command(String name, String... arguments) throws Exception {
        return ManagementFactory.getPlatformMBeanServer().invoke(new ObjectName(DIAGNOSTIC_COMMAND), name,
                new Object[] {arguments}, new String[] {String[].class.getName()});
    }
}
