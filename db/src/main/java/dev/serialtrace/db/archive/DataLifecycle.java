package dev.serialtrace.db.archive;

import dev.serialtrace.db.jooq.tables.ArchiveCustodyPartitions;
import dev.serialtrace.db.jooq.tables.PurgeCustodyPartitions;
import org.jooq.DSLContext;
import org.jooq.types.DayToSecond;
import org.jooq.types.YearToMonth;
import org.jooq.types.YearToSecond;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static dev.serialtrace.db.jooq.Tables.ARCHIVE_CUSTODY_PARTITIONS;
import static dev.serialtrace.db.jooq.Tables.ARCHIVE_RUN;
import static dev.serialtrace.db.jooq.Tables.CUSTODY_PARTITION;
import static dev.serialtrace.db.jooq.Tables.PURGE_CUSTODY_PARTITIONS;
import static dev.serialtrace.db.jooq.Tables.RETENTION_RULE;

/**
 * Archiving and purging of custody history (issue 8), done by the database's own functions
 * ({@code archive_custody_partitions}, {@code purge_custody_partitions}; admins only — the database
 * refuses everyone else). Archived months stay attached to {@code custody_event}, so every query
 * reads them as before; a purge drops whole months and only when no retention rule holds any of
 * their events.
 */
public final class DataLifecycle {
    private final DSLContext dsl;

    public DataLifecycle(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Moves (or with dryRun lists) the monthly partitions older than {@code olderThanMonths} to the archive. */
    public List<ArchivedPartition> archive(int olderThanMonths, String tablespace, boolean dryRun) {
        if (olderThanMonths < 1) {
            throw new IllegalArgumentException("archive only partitions at least one month old");
        }
        YearToSecond age = new YearToSecond(new YearToMonth(olderThanMonths / 12, olderThanMonths % 12), new DayToSecond(0));
        ArchiveCustodyPartitions a = ARCHIVE_CUSTODY_PARTITIONS.call(age, tablespace, dryRun);
        return dsl.selectFrom(a).fetch(r -> new ArchivedPartition(r.get(a.PARTITION_NAME), r.get(a.FROM_TIME),
                r.get(a.TO_TIME), r.get(a.ESTIMATED_EVENTS), r.get(a.BYTES), r.get(a.MOVED)));
    }

    /** Drops the months that end on or before {@code before}, unless retention holds any of their events. */
    public PurgeResult purge(LocalDate before, boolean dryRun) {
        PurgeCustodyPartitions p = PURGE_CUSTODY_PARTITIONS.call(before, dryRun);
        List<PurgeCandidate> lines = dsl.selectFrom(p).fetch(r -> new PurgeCandidate(r.get(p.PARTITION_NAME),
                r.get(p.FROM_TIME), r.get(p.TO_TIME), r.get(p.EVENTS), r.get(p.HELD_EVENTS), r.get(p.HELD_BY),
                r.get(p.PURGED)));
        return new PurgeResult(before, dryRun, lines);
    }

    public List<RetentionRule> rules() {
        return dsl.selectFrom(RETENTION_RULE).orderBy(RETENTION_RULE.ID)
                .fetch(r -> new RetentionRule(r.getRegulation(), r.getAppliesToTag(),
                        Optional.ofNullable(r.getMinimumAge()).map(DataLifecycle::describe).orElse(null), r.getCitation()));
    }

    public List<PartitionState> partitions() {
        return dsl.selectFrom(CUSTODY_PARTITION).orderBy(CUSTODY_PARTITION.FROM_TIME.asc().nullsLast())
                .fetch(r -> new PartitionState(r.getPartitionName(), r.getSchemaName(), r.getTablespace(), r.getFromTime(),
                        r.getToTime(), r.getEstimatedEvents(), r.getBytes(), r.getArchived()));
    }

    /** The newest runs first. */
    public List<ArchiveRun> runs(int limit) {
        return dsl.selectFrom(ARCHIVE_RUN).orderBy(ARCHIVE_RUN.ID.desc()).limit(limit)
                .fetch(r -> new ArchiveRun(r.getId(), r.getRunAt(), r.getRunBy(), r.getAction(), r.getCutoff(),
                        r.getTablespace(), List.of(r.getPartitions()), r.getEvents(), r.getBytes(), r.getOutcome(),
                        r.getDetail()));
    }

    /** What a compliance officer needs at a glance: where history lives and the latest run. */
    public ArchiveState state() {
        List<PartitionState> parts = partitions();
        return new ArchiveState(parts, runs(1).stream().findFirst(), rules());
    }

    static String describe(YearToSecond age) {
        YearToMonth ym = age.getYearToMonth();
        int months = ym.getYears() * 12 + ym.getMonths();
        int days = age.getDayToSecond() == null ? 0 : age.getDayToSecond().getDays();
        if (months % 12 == 0 && days == 0) {
            return months / 12 + " years";
        }
        return (months > 0 ? months + " months" : "") + (days > 0 ? (months > 0 ? " " : "") + days + " days" : "");
    }
}
