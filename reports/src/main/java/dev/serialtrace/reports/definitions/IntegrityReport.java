package dev.serialtrace.reports.definitions;

import dev.serialtrace.db.integrity.Anchor;
import dev.serialtrace.db.integrity.BreakKind;
import dev.serialtrace.db.integrity.ChainBreak;
import dev.serialtrace.db.integrity.VerificationReport;
import dev.serialtrace.reports.ReportArguments;
import dev.serialtrace.reports.ReportContext;
import dev.serialtrace.reports.ReportDefinition;
import dev.serialtrace.reports.ReportParameter;
import dev.serialtrace.reports.ReportRow.Section;
import dev.serialtrace.reports.RowSink;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static dev.serialtrace.reports.definitions.Texts.NONE;
import static dev.serialtrace.reports.definitions.Texts.at;

/**
 * Report 7: record-integrity verification — each unit's custody hash chain recomputed from its events
 * as stored, and (for all units) every anchor's digest: what was verified, then every break (event,
 * unit, kind: altered, deleted, inserted, reordered) in red, or plainly that no break was found.
 * Durations and the verification moment stay out of the rows, so the same data gives the same report id.
 */
public final class IntegrityReport implements ReportDefinition {
    public static final String NAME = "integrity";
    static final String METHOD = "SHA-256 hash chain per unit: each event's link = SHA-256(previous link ‖ canonical event), "
            + "recomputed in the database from the events as stored and compared with the stored links; for all units also "
            + "each anchor's digest over the links it covers";
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
        return "Proof that custody history was not altered: hash chains and anchors recomputed, every break listed";
    }

    @Override
    public boolean available() {
        return evidence != null;
    }

    @Override
    public List<ReportParameter> parameters() {
        return List.of(ReportParameter.optional("units", "Units", ReportParameter.Type.UNITS,
                "units to verify (empty: every unit and every anchor)"));
    }

    @Override
    public void produce(ReportContext ctx, ReportArguments args, RowSink sink) {
        List<Long> ids = args.list("units").isEmpty() ? List.of() : UnitResolver.resolve(ctx.dsl(), args.list("units"));
        VerificationReport v = evidence.verify(ctx.dsl(), ids);

        Section scope = Section.of("scope", "What was verified");
        sink.add(scope.kv("Scope", v.scope()));
        sink.add(scope.kv("Units", String.valueOf(v.units())));
        sink.add(scope.kv("Custody events", String.valueOf(v.events())));
        sink.add(scope.kv("Anchors", ids.isEmpty() ? String.valueOf(v.anchorsChecked()) : "not checked (anchors cover all units: verify all units to check them)"));
        sink.add(scope.kv("Newest anchor", v.newestAnchor().map(a -> anchor(a, ctx)).orElse("none yet")));
        sink.add(scope.kv("Method", METHOD));
        sink.add(scope.kv("History verified", "as stored when the report was generated (verification is about the present record)"));

        Section breaks = Section.of("breaks", "Breaks found", "Kind", "Unit", "Event", "Chain position", "Anchor", "Detail");
        if (v.breaks().isEmpty()) {
            sink.add(breaks.text("No break found: every custody event checked still hashes to its stored link"
                    + (ids.isEmpty() ? ", and every anchor matches." : ".")));
        }
        for (ChainBreak b : v.breaks()) {
            sink.add(breaks.flaggedRow(true, b.kind().label(), b.internalId() == null ? (b.anchorId() == null ? NONE : "all units") : b.internalId(),
                    b.eventId() == null ? NONE : "#" + b.eventId(), b.chainSeq() == null ? NONE : String.valueOf(b.chainSeq()),
                    b.anchorId() == null ? "" : "anchor " + b.anchorId(), b.detail() == null ? "" : b.detail()));
        }

        Section sum = Section.of("summary", "Result");
        Map<BreakKind, Long> byKind = new EnumMap<>(BreakKind.class);
        v.breaks().forEach(b -> byKind.merge(b.kind(), 1L, Long::sum));
        sink.add(sum.kv("Result", v.intact() ? "INTACT: no break found" : "BROKEN: " + v.breaks().size() + " break"
                + (v.breaks().size() == 1 ? "" : "s") + " (" + byKind.entrySet().stream()
                .map(e -> e.getValue() + " " + e.getKey().label()).collect(Collectors.joining(", ")) + ")"));
        sink.add(sum.kv("Units with a break", String.valueOf(v.breaks().stream().filter(b -> b.unitId() != null)
                .map(ChainBreak::unitId).distinct().count())));
    }

    private static String anchor(Anchor a, ReportContext ctx) {
        return "#" + a.id() + " of " + at(a.anchoredAt(), ctx.zone()) + " by " + a.anchoredBy() + ", up to event #"
                + a.upToEventId() + ", " + a.linkCount() + " links, digest " + a.digestHex();
    }
}
