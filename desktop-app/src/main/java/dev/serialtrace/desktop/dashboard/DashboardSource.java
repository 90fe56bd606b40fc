package dev.serialtrace.desktop.dashboard;

import dev.serialtrace.db.kpi.DrillRow;
import dev.serialtrace.db.kpi.FraudSignal;
import dev.serialtrace.db.kpi.KpiCode;
import dev.serialtrace.db.kpi.KpiDashboard;
import dev.serialtrace.db.kpi.KpiFilter;
import dev.serialtrace.db.kpi.ReturnRate;
import dev.serialtrace.db.kpi.ReturnsAnalysisQuery;
import dev.serialtrace.db.kpi.SerialRange;
import dev.serialtrace.db.kpi.SiteOption;
import dev.serialtrace.desktop.connection.Session;

import java.util.List;

/** The dashboard's queries on the open session's database. */
public final class DashboardSource implements DashboardViewModel.Source {
    /** Returned serials at most this many numbers apart belong to one range. */
    static final int RANGE_MAX_GAP = 20;
    static final int RANGE_MIN_RETURNS = 3;

    private final Session session;

    public DashboardSource(Session session) {
        this.session = session;
    }

    @Override
    public List<SiteOption> sites() {
        return session.kpi().sites();
    }

    @Override
    public List<String> categories() {
        return session.kpi().categories();
    }

    @Override
    public KpiDashboard dashboard(KpiFilter filter) {
        return session.kpi().dashboard(filter);
    }

    @Override
    public List<DrillRow> drillDown(KpiCode code, KpiFilter filter, int limit, int offset) {
        return session.kpi().drillDown(code, filter, limit, offset);
    }

    @Override
    public List<ReturnRate> returnsBy(ReturnsAnalysisQuery.Dimension dimension, KpiFilter filter) {
        return session.returnsAnalysis().by(dimension, filter);
    }

    @Override
    public List<SerialRange> serialRanges(KpiFilter filter) {
        return session.returnsAnalysis().serialRanges(filter, RANGE_MAX_GAP, RANGE_MIN_RETURNS);
    }

    @Override
    public dev.serialtrace.db.kpi.KpiCharts charts(KpiFilter filter) {
        return session.kpiCharts().charts(filter);
    }

    @Override
    public List<DrillRow> drillChart(dev.serialtrace.db.kpi.ChartPoint point, KpiFilter filter, int limit, int offset) {
        return session.kpiCharts().drillDown(point, filter, limit, offset);
    }

    @Override
    public List<FraudSignal> signals(KpiFilter filter, int limit) {
        return session.fraudSignals().signals(filter, limit);
    }
}
