package dev.serialtrace.reports.definitions;

import dev.serialtrace.db.unit.FirearmsRecordQuery;
import dev.serialtrace.reports.ReportArguments;
import dev.serialtrace.reports.ReportContext;
import dev.serialtrace.reports.ReportDefinition;
import dev.serialtrace.reports.ReportInputException;
import dev.serialtrace.reports.ReportParameter;
import dev.serialtrace.reports.ReportRow.Section;
import dev.serialtrace.reports.RowSink;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import static dev.serialtrace.reports.definitions.Texts.NONE;
import static dev.serialtrace.reports.definitions.Texts.at;
import static dev.serialtrace.reports.definitions.Texts.orNone;

/**
 * Report 8: firearms acquisition and disposition record (27 CFR 478.125) for ATF-tagged products
 * over a period: per firearm the acquisition (date, source name and licence or address,
 * manufacturer or importer, model, serial, type, caliber or gauge) and the disposition (date,
 * recipient name and licence or address). Units still held show an open disposition.
 */
public final class FirearmsRecordReport implements ReportDefinition {
    public static final String NAME = "firearms-record";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String title() {
        return "Firearms acquisition and disposition record";
    }

    @Override
    public String description() {
        return "27 CFR 478.125 entries for ATF-tagged products acquired or disposed of in a period";
    }

    @Override
    public List<ReportParameter> parameters() {
        return List.of(
                ReportParameter.required("from", "From", ReportParameter.Type.DATE, "first day of the period (UTC)"),
                ReportParameter.required("to", "To", ReportParameter.Type.DATE, "last day of the period (UTC, inclusive)"));
    }

    @Override
    public void validate(ReportArguments a) {
        ReportDefinition.super.validate(a);
        if (a.date("from").isAfter(a.date("to"))) {
            throw new ReportInputException("the period ends (" + a.text("to") + ") before it starts (" + a.text("from") + ")");
        }
    }

    @Override
    public void produce(ReportContext ctx, ReportArguments args, RowSink sink) {
        LocalDate from = args.date("from");
        LocalDate to = args.date("to");
        Section s = Section.of("entries", "Acquisitions and dispositions",
                "Acquired", "Source (name; licence or address)", "Manufacturer / importer", "Model", "Serial", "Type",
                "Caliber / gauge", "Disposed", "Recipient (name; licence or address)", "Unit");
        long[] n = new long[3];
        new FirearmsRecordQuery(ctx.dsl()).stream(start(from), start(to.plusDays(1)), ctx.asOf(), e -> {
            n[0]++;
            if (e.acquiredAt() != null && !e.acquiredAt().isBefore(start(from)) && e.acquiredAt().isBefore(start(to.plusDays(1)))) {
                n[1]++;
            }
            if (e.disposedAt() != null && !e.disposedAt().isBefore(start(from)) && e.disposedAt().isBefore(start(to.plusDays(1)))) {
                n[2]++;
            }
            String recipient = e.disposedAt() == null ? "open (in inventory)"
                    : e.recipient() == null ? e.dispositionStep() : e.recipient() + "; " + orNone(e.recipientAddressOrLicence());
            sink.add(s.row(at(e.acquiredAt(), e.acquiredZone()),
                    e.source() == null ? NONE : e.source() + "; " + orNone(e.sourceAddressOrLicence()),
                    orNone(e.manufacturer()), orNone(e.model()), e.serial(), orNone(e.type()), orNone(e.caliber()),
                    e.disposedAt() == null ? "" : at(e.disposedAt(), e.disposedZone()), recipient, e.internalId()));
        });
        if (n[0] == 0) {
            sink.add(s.text("No acquisition or disposition of ATF-tagged products in this period."));
        }
        sink.add(s.total(n[0] + " firearms", n[1] + " acquired in period", "", "", "", "", "", n[2] + " disposed", "", ""));
    }

    private static OffsetDateTime start(LocalDate d) {
        return d.atStartOfDay().atOffset(java.time.ZoneOffset.UTC);
    }
}
