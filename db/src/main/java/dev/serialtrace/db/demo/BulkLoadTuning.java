package dev.serialtrace.db.demo;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Sets aside, for the duration of the bulk load, what makes row-by-row loading slow, and restores
 * it afterwards with set-wise builds:
 * <ul>
 *   <li>the non-unique indexes of unit and custody_event (the trigram GIN ones above all), rebuilt
 *       by one sorted build each;</li>
 *   <li>foreign keys of the tables the load fills, checked per row by a query each, and unit's
 *       unique constraints: re-added at the end, when PostgreSQL validates each in one pass (a
 *       duplicate serial then fails the whole load);</li>
 *   <li>unit's fillfactor is lowered, so the event trigger's state update of each fresh unit finds
 *       room on the same page and, with no indexed column changing, is a HOT update that touches
 *       no index at all.</li>
 * </ul>
 * Primary keys stay (the trigger finds units by theirs). It all runs
 * inside the load's transaction: a failed load rolls these changes back too, and at commit the
 * schema is exactly as migrated (every constraint re-validated).
 */
final class BulkLoadTuning {
    private static final String TABLES = "'unit', 'shipment', 'shipment_unit', 'sales_order', "
            + "'return_authorisation', 'warranty_claim', 'capture_exception', 'sensor_reading'";
    private static final String SECONDARY_INDEXES = """
            select i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid)
            from pg_index i
            where i.indrelid in ('unit'::regclass, 'custody_event'::regclass)
              and not i.indisunique and not i.indisprimary
              -- partial history indexes stay: generated events never match their predicate, so
              -- keeping them costs a check per row, rebuilding them a scan of the whole history
              and not (i.indrelid = 'custody_event'::regclass and i.indpred is not null)
            order by 1""";
    /** Unique constraints of unit (not its primary key, which the event trigger joins on) and foreign keys. */
    private static final String CONSTRAINTS = """
            select c.conrelid::regclass::text, c.conname, pg_get_constraintdef(c.oid)
            from pg_constraint c
            where (c.contype = 'f' and c.conrelid::regclass::text in (%s))
               or (c.contype = 'u' and c.conrelid = 'unit'::regclass)
            order by c.contype desc, 1, 2""".formatted(TABLES);

    private final List<String> restore = new ArrayList<>();

    void relax(Connection c) throws SQLException {
        List<String> relax = new ArrayList<>();
        try (Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery(SECONDARY_INDEXES)) {
                while (rs.next()) {
                    relax.add("drop index " + rs.getString(1));
                    // a partitioned index reads "ON ONLY"; rebuilding it must cascade to the partitions
                    restore.add(rs.getString(2).replace(" ON ONLY ", " ON "));
                }
            }
            try (ResultSet rs = s.executeQuery(CONSTRAINTS)) {
                while (rs.next()) {
                    String table = rs.getString(1);
                    String name = rs.getString(2);
                    relax.add("alter table " + table + " drop constraint " + name);
                    restore.add("alter table " + table + " add constraint " + name + " " + rs.getString(3));
                }
            }
            relax.add("alter table unit set (fillfactor = 45)");
            restore.add(0, "alter table unit reset (fillfactor)");
            for (String sql : relax) {
                s.execute(sql);
            }
        }
    }

    void restore(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String sql : restore) {
                s.execute(sql);
            }
        }
    }
}
