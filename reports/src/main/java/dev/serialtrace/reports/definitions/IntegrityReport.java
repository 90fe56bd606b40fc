package dev.serialtrace.reports.definitions;

import dev.serialtrace.reports.ReportArguments;
import dev.serialtrace.reports.ReportContext;
import dev.serialtrace.reports.ReportDefinition;
import dev.serialtrace.reports.ReportParameter;
import dev.serialtrace.reports.ReportRow.Section;
import dev.serialtrace.reports.RowSink;

import java.util.List;

import static dev.serialtrace.reports.definitions.Texts.at;
import static dev.serialtrace.reports.definitions.Texts.orNone;

/**
 * Report 7: record-integrity verification — for each unit, whether its custody history still
 * hashes to the chain stored with it; broken chains in red with the first event that does not
 * match. The data comes through {@link IntegrityEvidence} (issue 8).
 */
public final class IntegrityReport implements ReportDefinition {
    public static final String NAME = "integrity";
    private final IntegrityEvidence evidence;

    IntegrityReport(IntegrityEvidence evidence) {
        this.evidence = evidence;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String title() {
        return "Record-integrity verification";
    }

    @Override
    public String description() {
        return evidence == null ? "Proof that custody history was not altered (awaits the integrity work, issue 8)"
                : "Proof that custody history was not altered: each unit's hash chain recomputed";
    }

    @Override
    public boolean available() {
        return evidence != null;
    }

    @Override
    public List<ReportParameter> parameters() {
        return List.of(ReportParameter.optional("units", "Units", ReportParameter.Type.UNITS, "units to verify (empty: all)"));
    }

    @Override
    public void produce(ReportContext ctx, ReportArguments args, RowSink sink) {
        Section checks = Section.of("checks", "Chains", "Unit", "Serial", "Events", "Result", "First bad event", "Detail");
        IntegrityEvidence.Summary s = evidence.verify(args.list("units"), ctx.asOf(), c -> sink.add(checks.flaggedRow(
                c.result() == IntegrityEvidence.Result.BROKEN, c.internalId(), c.serial(), String.valueOf(c.events()),
                c.result().name(), c.firstBadEventId() == null ? "" : "#" + c.firstBadEventId(), orNone(c.detail()))));
        Section sum = Section.of("summary", "Summary");
        sink.add(sum.kv("Method", s.method()));
        sink.add(sum.kv("Verified at", at(s.verifiedAt(), ctx.zone())));
        sink.add(sum.kv("Units checked", String.valueOf(s.unitsChecked())));
        sink.add(sum.kv("Events checked", String.valueOf(s.eventsChecked())));
        sink.add(sum.kv("Broken chains", String.valueOf(s.broken())));
        sink.add(sum.kv("Units without a chain", String.valueOf(s.notChained())));
        sink.add(sum.kv("Anchor", orNone(s.anchorHashHex())));
    }
}
