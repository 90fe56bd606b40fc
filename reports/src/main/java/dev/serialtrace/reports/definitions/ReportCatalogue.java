package dev.serialtrace.reports.definitions;

import dev.serialtrace.reports.ReportDefinition;
import dev.serialtrace.reports.ReportInputException;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The reports Serialtrace offers, in the order of the issue. */
public final class ReportCatalogue {
    private final List<ReportDefinition> reports;

    private ReportCatalogue(List<ReportDefinition> reports) {
        this.reports = List.copyOf(reports);
    }

    public static ReportCatalogue standard() {
        return withIntegrity(IntegrityEvidence.chainVerifier());
    }

    /** The catalogue with report 7 fed by {@code evidence} (null: listed, not yet available). */
    public static ReportCatalogue withIntegrity(IntegrityEvidence evidence) {
        List<ReportDefinition> all = new ArrayList<>();
        all.add(new ChainOfCustodyReport());
        all.add(new SpotAuditReport());
        all.add(new RecallReport());
        all.add(new KpiSummaryReport());
        all.add(new ReturnsAnalysisReport());
        all.add(new TemperatureExposureReport());
        all.add(new IntegrityReport(evidence));
        all.add(new FirearmsRecordReport());
        return new ReportCatalogue(all);
    }

    public List<ReportDefinition> all() {
        return reports;
    }

    public Optional<ReportDefinition> find(String name) {
        return reports.stream().filter(r -> r.name().equals(name)).findFirst();
    }

    public ReportDefinition require(String name) {
        return find(name).orElseThrow(() -> new ReportInputException("no report named '" + name + "'; known: "
                + String.join(", ", reports.stream().map(ReportDefinition::name).toList())));
    }
}
