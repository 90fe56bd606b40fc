package dev.serialtrace.reports;

import dev.serialtrace.db.jooq.enums.BizStep;
import dev.serialtrace.db.jooq.enums.CaptureMethod;
import dev.serialtrace.db.jooq.enums.Disposition;
import dev.serialtrace.db.testing.TestDatabase;
import dev.serialtrace.reports.definitions.ReportCatalogue;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.serialtrace.db.jooq.Tables.CUSTODY_EVENT;
import static dev.serialtrace.db.jooq.Tables.UNIT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A custody report of more units than are read in one query (events are read a few hundred units at a
 * time): units come in the order given, not in id order, and each unit's events sit under it, oldest first.
 */
class CustodyReportOfManyUnitsTest {
    /** A unit's bar, or an event's note cell: "#id", then the next row's date, the unit's count (two events each) or the page footer. */
    private static final Pattern BAR_OR_EVENT = Pattern.compile("Unit(U[0-9A-Z]+?)Insulin|#(\\d+?)(?=2026-|2events|Serialtrace)");

    @Test
    void everyUnitInTheOrderGivenWithItsOwnEventsInOrder() throws Exception {
        var ds = TestDatabase.fresh();
        ReportFixture fx = new ReportFixture(ds);
        long maker = fx.dsl.select(UNIT.MANUFACTURER_ID).from(UNIT).where(UNIT.ID.eq(fx.insulinUnit)).fetchOne().value1();
        List<Long> units = new ArrayList<>();
        var insert = fx.dsl.insertInto(CUSTODY_EVENT, CUSTODY_EVENT.UNIT_ID, CUSTODY_EVENT.OCCURRED_AT, CUSTODY_EVENT.OCCURRED_ZONE,
                CUSTODY_EVENT.RECORDED_AT, CUSTODY_EVENT.BIZ_STEP, CUSTODY_EVENT.DISPOSITION, CUSTODY_EVENT.CAPTURE_METHOD);
        for (int i = 0; i < 260; i++) {
            long unit = fx.unit(fx.insulin, maker, String.format("MANY%04d", i), "00300021234568", null);
            units.add(unit);
            // each unit's later event is inserted first, and the units' events interleave in time
            OffsetDateTime later = ReportFixture.T0.plusHours(2 + i);
            OffsetDateTime earlier = ReportFixture.T0.plusHours(i);
            insert = insert.values(unit, later, "UTC", later, BizStep.storing, Disposition.in_progress, CaptureMethod.scan)
                    .values(unit, earlier, "UTC", later, BizStep.receiving, Disposition.in_progress, CaptureMethod.scan);
        }
        List<Long> ids = insert.returning(CUSTODY_EVENT.ID).fetch(CUSTODY_EVENT.ID);
        List<String> given = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (int i = units.size() - 1; i >= 0; i--) {   // newest first: not the order of the ids
            String internalId = fx.internalId(units.get(i));
            given.add(internalId);
            expected.add("unit " + internalId);
            expected.add("event " + ids.get(2 * i + 1));   // the earlier one
            expected.add("event " + ids.get(2 * i));
        }

        ReportService service = new ReportService(DSL.using(ds, SQLDialect.POSTGRES),
                Clock.fixed(Instant.parse("2026-06-02T09:30:00Z"), ZoneId.of("UTC")));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        service.write(ReportCatalogue.standard().require("chain-of-custody"),
                ReportArguments.of(Map.of("units", String.join("\n", given), ReportArguments.AS_OF, "2026-06-01T00:00:00Z")),
                ReportFormat.PDF, out, ReportService.Options.of("compliance.officer", ZoneId.of("UTC")));
        String text;
        try (PDDocument doc = Loader.loadPDF(out.toByteArray())) {
            text = new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
        }

        Set<Long> ours = new HashSet<>(ids);
        List<String> printed = new ArrayList<>();
        Matcher m = BAR_OR_EVENT.matcher(text);
        while (m.find()) {
            if (m.group(1) != null) {
                printed.add("unit " + m.group(1));
            } else if (ours.contains(Long.parseLong(m.group(2)))) {
                printed.add("event " + m.group(2));
            }
        }
        assertThat(printed).containsExactlyElementsOf(expected);
        assertThat(text).contains("Custodyevents520");
    }
}
