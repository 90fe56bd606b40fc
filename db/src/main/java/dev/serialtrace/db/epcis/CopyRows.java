package dev.serialtrace.db.epcis;

import org.postgresql.PGConnection;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;

/** Rows in PostgreSQL's COPY text format, sent in one COPY statement. */
final class CopyRows {
    private final StringBuilder text = new StringBuilder(1 << 16);
    private boolean rowStarted;
    private final String copySql;

    CopyRows(String table, String columns) {
        copySql = "copy " + table + " (" + columns + ") from stdin";
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

    long copy(Connection c) throws SQLException {
        try {
            return c.unwrap(PGConnection.class).getCopyAPI().copyIn(copySql, new StringReader(text.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
