package dev.serialtrace.db.kpi;

/**
 * Every KPI of DOMAIN.md §7, with the aggregate metrics (see migration V30/V31) that form its
 * numerator and denominator, its target and how far below the target is still amber.
 */
public enum KpiCode {
    CAPTURE_AT_RECEIVING("Serial capture at receiving", KpiKind.RATIO,
            "received serialised units with the serial captured (scan or typed) at receipt ÷ received serialised units",
            "receipts_captured", "receipts", "captured at receipt", "units received", 1.0, true, 0.005),
    SCAN_RATIO("Scan vs manual", KpiKind.RATIO, "scanned captures ÷ all captures (scanned + typed)",
            "captures_scanned", "captures", "scanned", "captures", 0.95, false, 0.02),
    DISPATCH_VERIFICATION("Verification at dispatch", KpiKind.RATIO,
            "shipped units with a verifying scan at dispatch ÷ shipped units",
            "shipped_verified", "shipped", "verified by scan", "units shipped", 1.0, true, 0.005),
    AUDIT_ACCURACY("Spot-audit accuracy", KpiKind.RATIO,
            "matched scans ÷ (expected units + unexpected scans) over audits closed in the period",
            "audit_matched", "audit_expected+audit_unexpected", "matched", "expected + unexpected", 0.999, false, 0.001),
    CLAIM_TIME("Warranty claim processing", KpiKind.MEDIAN_MINUTES,
            "claim opened → decided, median and p90, over claims decided in the period",
            "claim_minutes_p50", "claims_decided", "median minutes", "claims decided", Double.NaN, false, 0),
    GREY_MARKET("Grey-market detection", KpiKind.RATIO,
            "returns and claims from a region or channel other than the one the unit was shipped to ÷ all returns and claims",
            "returns_grey+claims_grey", "returns_received+claims_opened", "other region/channel", "returns + claims",
            Double.NaN, false, 0),
    QUERY_RESOLUTION("Customer query resolution", KpiKind.MEDIAN_MINUTES,
            "serial query received → answered, median and p90, over queries answered in the period",
            "query_minutes_p50", "queries_answered", "median minutes", "queries answered", Double.NaN, false, 0),
    RETURN_AUTH_ACCURACY("Return authorisation accuracy", KpiKind.RATIO,
            "returns whose received serial equals the authorised serial ÷ returns received",
            "returns_serial_match", "returns_received", "serial as authorised", "returns received", Double.NaN, false, 0),
    RETURN_RATE("Return rate", KpiKind.RATIO, "units returned ÷ units shipped in the period",
            "returns_received", "shipped", "returned", "shipped", Double.NaN, false, 0),
    THEFT_LOSS("Theft and loss", KpiKind.COUNT,
            "units recorded stolen or lost (disposition stolen/unknown, e.g. audit 'mark lost') in the period",
            "losses", "receipts", "units lost", "units received", Double.NaN, false, 0),
    SYNC_SUCCESS("Integration sync success", KpiKind.RATIO, "successful sync runs ÷ sync runs",
            "sync_success", "sync_runs", "successful", "runs", Double.NaN, false, 0),
    DB_GROWTH("Database growth", KpiKind.COUNT, "custody events that happened in the period",
            "events", "events", "events", "events", Double.NaN, false, 0),
    LOOKUP_TIME("Serial lookup time", KpiKind.MEDIAN_MICROS,
            "a serial lookup (search, scan) from input to answer, median and p90, over the lookups of the period",
            "lookup_us_p50", "lookups", "median", "lookups", Double.NaN, false, 0),
    REPORT_TIME("Report generation time", KpiKind.MEDIAN_MICROS,
            "a report from request to finished pages or file, median and p90, over the reports of the period",
            "report_us_p50", "reports", "median", "reports", Double.NaN, false, 0),
    REPORT_SUCCESS("Report generation success", KpiKind.RATIO, "reports generated without an error ÷ reports requested",
            "reports_ok", "reports", "generated", "reports", Double.NaN, false, 0);

    private final String title;
    private final KpiKind kind;
    private final String definition;
    private final String numeratorMetrics;
    private final String denominatorMetrics;
    private final String numeratorLabel;
    private final String denominatorLabel;
    private final double target;
    private final boolean targetInclusive;
    private final double amberTolerance;

    KpiCode(String title, KpiKind kind, String definition, String numeratorMetrics, String denominatorMetrics,
            String numeratorLabel, String denominatorLabel, double target, boolean targetInclusive, double amberTolerance) {
        this.title = title;
        this.kind = kind;
        this.definition = definition;
        this.numeratorMetrics = numeratorMetrics;
        this.denominatorMetrics = denominatorMetrics;
        this.numeratorLabel = numeratorLabel;
        this.denominatorLabel = denominatorLabel;
        this.target = target;
        this.targetInclusive = targetInclusive;
        this.amberTolerance = amberTolerance;
    }

    public String title() {
        return title;
    }

    public KpiKind kind() {
        return kind;
    }

    public String definition() {
        return definition;
    }

    public String numeratorLabel() {
        return numeratorLabel;
    }

    public String denominatorLabel() {
        return denominatorLabel;
    }

    /** NaN when the KPI has no target (watched as a trend). */
    public double target() {
        return target;
    }

    public boolean hasTarget() {
        return !Double.isNaN(target);
    }

    /** Whether reaching the target exactly meets it (100 %) or the value must exceed it ("> 95 %"). */
    public boolean targetInclusive() {
        return targetInclusive;
    }

    String[] numeratorMetrics() {
        return numeratorMetrics.split("\\+");
    }

    String[] denominatorMetrics() {
        return denominatorMetrics.split("\\+");
    }

    /** Traffic light of a value against the target. */
    public TrafficLight judge(Double value) {
        if (value == null) {
            return TrafficLight.NO_DATA;
        }
        if (!hasTarget()) {
            return TrafficLight.TREND;
        }
        boolean met = targetInclusive ? value >= target - 1e-12 : value > target;
        if (met) {
            return TrafficLight.GREEN;
        }
        return value >= target - amberTolerance ? TrafficLight.AMBER : TrafficLight.RED;
    }

    /** The code as given on a command line or in a report, case-insensitive. */
    public static KpiCode parse(String code) {
        return valueOf(code.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
    }
}
