package dev.serialtrace.reports;

import org.jooq.DSLContext;

import java.time.OffsetDateTime;
import java.time.ZoneId;

/** What a report definition may use while it produces rows: the database, the watermark, the reader's zone. */
public record ReportContext(DSLContext dsl, OffsetDateTime asOf, ZoneId zone) {
}
