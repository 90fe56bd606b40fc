package dev.serialtrace.db.epcis;

import org.postgresql.PGConnection;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Rows in PostgreSQL's COPY text format, sent in one COPY statement. */
final class CopyRows {
    private final StringBuilder text = new StringBuilder(1 << 16);
    private boolean rowStarted;
    private final String table;
    private final String columns;

    CopyRows(String table, String columns) {
        this.table = table;
        this.columns = columns;
    }

    CopyRows value(Object v) {
        if (rowStarted) {
            text.append('\t');
        }
        rowStarted = true;
        if (v == null) {
            text.append("\\N");
            return this;
        }
        String s = v.toString();
        if (plain(s)) {
            text.append(s); // the usual case, without a per-character append
            return this;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> text.append("\\\\");
                case '\t' -> text.append("\\t");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                default -> text.append(c);
            }
        }
        return this;
    }

    private static boolean plain(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' || c == '\t' || c == '\n' || c == '\r') {
                return false;
            }
        }
        return true;
    }

    void endRow() {
        text.append('\n');
        rowStarted = false;
    }

    boolean isEmpty() {
        return text.length() == 0;
    }

    /**
     * Sends the rows. PostgreSQL refuses COPY FROM into a table whose row-level security applies to the
     * user (custody_event for a supervisor, who appends only at their sites): then the rows go into a
     * temporary table first and on with one INSERT, which checks the policy for every row. The schema
     * owner (bulk loads, the embedded database's user) is not subject to it and copies directly.
     */
    long copy(Connection c) throws SQLException {
        if (!rowSecurityApplies(c)) {
            return copyIn(c, "copy " + table + " (" + columns + ") from stdin");
        }
        String staging = "copy_into_" + table;
        try (Statement s = c.createStatement()) {
            s.execute("create temporary table if not exists " + staging + " (like " + table + " including defaults)"
                    + " on commit delete rows");
        }
        long n = copyIn(c, "copy " + staging + " (" + columns + ") from stdin");
        try (Statement s = c.createStatement()) {
            s.executeUpdate("insert into " + table + " (" + columns + ") select " + columns + " from " + staging);
            s.execute("truncate " + staging);
        }
        return n;
    }

    private boolean rowSecurityApplies(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select row_security_active(?::regclass)")) {
            s.setString(1, table);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    private long copyIn(Connection c, String sql) throws SQLException {
        try {
            return c.unwrap(PGConnection.class).getCopyAPI().copyIn(sql, new StringReader(text.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
