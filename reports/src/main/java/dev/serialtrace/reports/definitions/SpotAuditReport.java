package dev.serialtrace.reports.definitions;

import dev.serialtrace.db.audit.SpotAuditRecordQuery;
import dev.serialtrace.db.audit.SpotAuditRecordQuery.AuditRecord;
import dev.serialtrace.db.audit.SpotAuditRecordQuery.Discrepancy;
import dev.serialtrace.db.audit.SpotAuditRecordQuery.Signature;
import dev.serialtrace.reports.ReportArguments;
import dev.serialtrace.reports.ReportContext;
import dev.serialtrace.reports.ReportDefinition;
import dev.serialtrace.reports.ReportInputException;
import dev.serialtrace.reports.ReportParameter;
import dev.serialtrace.reports.ReportRow.Section;
import dev.serialtrace.reports.RowSink;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import static dev.serialtrace.reports.definitions.Texts.NONE;
import static dev.serialtrace.reports.definitions.Texts.at;
import static dev.serialtrace.reports.definitions.Texts.join;
import static dev.serialtrace.reports.definitions.Texts.orNone;

/**
 * Report 2: one spot audit — scope, auditor, timing, expected / found / missing / unexpected,
 * accuracy, each discrepancy and its resolution, and the electronic signatures (printed name,
 * date-time, meaning) bound to the audit and its discrepancies. Times in the audited site's zone.
 */
public final class SpotAuditReport implements ReportDefinition {
    public static final String NAME = "spot-audit";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String title() {
        return "Spot-audit report";
    }

    @Override
    public String description() {
        return "Scope, counts, accuracy, discrepancies with resolutions, and electronic signatures of one audit";
    }

    @Override
    public List<ReportParameter> parameters() {
        return List.of(ReportParameter.required("audit", "Audit", ReportParameter.Type.AUDIT, "the audit's code, e.g. AUD-US1-000123"));
    }

    @Override
    public void produce(ReportContext ctx, ReportArguments args, RowSink sink) {
        String code = args.text("audit");
        AuditRecord a = new SpotAuditRecordQuery(ctx.dsl()).fetch(code)
                .orElseThrow(() -> new ReportInputException("no spot audit with code '" + code + "'"));
        ZoneId zone = zone(a.siteZone(), ctx.zone());
        Section head = Section.of("audit", "Audit " + a.code());
        sink.add(head.kv("Audit", a.code()));
        sink.add(head.kv("Site", a.siteCode() + "  " + a.siteName() + "  (times in " + zone.getId() + ")"));
        sink.add(head.kv("Scope", a.scopeJson()));
        sink.add(head.kv("Auditor", a.auditor()));
        sink.add(head.kv("Status", a.status()));
        sink.add(head.kv("Planned", at(a.plannedAt(), zone)));
        sink.add(head.kv("Started", at(a.startedAt(), zone)));
        sink.add(head.kv("Closed", at(a.closedAt(), zone)));
        if (a.startedAt() != null && a.closedAt() != null) {
            Duration d = Duration.between(a.startedAt(), a.closedAt());
            sink.add(head.kv("Duration", d.toHours() + " h " + d.toMinutesPart() + " min"));
        }

        Section counts = Section.of("counts", "Counts");
        sink.add(counts.kv("Expected", String.valueOf(a.expected())));
        sink.add(counts.kv("Found", String.valueOf(a.found())));
        sink.add(counts.kv("Missing", String.valueOf(a.missing())));
        sink.add(counts.kv("Unexpected", String.valueOf(a.unexpected())));
        sink.add(counts.kv("Unidentified scans", a.unknownScans() + " of " + a.scans() + " scans"));
        sink.add(counts.kv("Accuracy", a.accuracyPercent() == null ? NONE
                : String.format(Locale.ROOT, "%.2f %% (found of expected)", a.accuracyPercent())));

        Section disc = Section.of("discrepancies", "Discrepancies (" + a.discrepancies().size() + ")",
                "Kind", "Unit", "Product", "Location", "Scanned", "Resolution", "Reason, by, at");
        if (a.discrepancies().isEmpty()) {
            sink.add(disc.text("No discrepancies."));
        }
        int open = 0;
        for (Discrepancy d : a.discrepancies()) {
            if (d.resolution() == null) {
                open++;
            }
            sink.add(disc.flaggedRow(d.resolution() == null, d.kind(), join("  ", d.unitInternalId(), d.serial()),
                    orNone(d.product()), orNone(d.location()), orNone(d.scannedInput()),
                    d.resolution() == null ? "open" : d.resolution(),
                    d.resolution() == null ? "" : join(";  ", d.resolutionReason(), d.resolvedBy(), at(d.resolvedAt(), zone))));
        }
        if (!a.discrepancies().isEmpty()) {
            sink.add(disc.total(a.discrepancies().size() + " discrepancies", "", "", "", "", open + " open", ""));
        }

        Section sig = Section.ofB("signatures", "Electronic signatures",
                "Printed name (user)", "Meaning", "Signed at", "Signed record and content hash");
        if (a.signatures().isEmpty()) {
            sink.add(sig.text("No electronic signatures."));
        }
        for (Signature s : a.signatures()) {
            sink.add(sig.rowB(s.printedName() + " (" + s.signer() + ")", s.meaning(), at(s.signedAt(), zone),
                    s.subjectType() + " " + (s.subjectType().equals("spot_audit") ? a.code() : "#" + s.subjectId())
                            + "  sha-256 " + orNone(s.contentHashHex())));
        }
    }

    private static ZoneId zone(String siteZone, ZoneId fallback) {
        try {
            return siteZone == null ? fallback : ZoneId.of(siteZone);
        } catch (RuntimeException e) {
            return fallback;
        }
    }
}
