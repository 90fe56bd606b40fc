package dev.serialtrace.desktop.connection;

import dev.serialtrace.db.audit.AuditCommands;
import dev.serialtrace.db.audit.AuditPlanning;
import dev.serialtrace.db.audit.StockRetrofit;
import dev.serialtrace.db.capture.CaptureExceptionQueue;
import dev.serialtrace.db.connect.Database;
import dev.serialtrace.desktop.audit.AuditServices;
import dev.serialtrace.core.identify.ParserOptions;
import dev.serialtrace.db.unit.UnitDossierQuery;
import dev.serialtrace.db.unit.UnitLookup;
import dev.serialtrace.db.unit.UnitSearch;
import dev.serialtrace.desktop.common.FxThreadGuardedDataSource;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;

import java.time.Clock;

/** The open database and the queries the screens use, created once per connection. */
public final class Session implements AutoCloseable {
    private final Database database;
    private final DSLContext dsl;
    private final UnitDossierQuery dossiers;
    private final UnitLookup lookup;
    private final UnitSearch search;
    private final dev.serialtrace.db.integrity.ChainVerifier verifier;
    private final dev.serialtrace.db.kpi.KpiQuery kpi;
    private final dev.serialtrace.db.kpi.ReturnsAnalysisQuery returnsAnalysis;
    private final dev.serialtrace.db.kpi.FraudSignalQuery fraudSignals;
    private final dev.serialtrace.db.kpi.KpiChartsQuery kpiCharts;
    /** Lookup and report durations for the system KPIs, written in batches. */
    private final dev.serialtrace.db.timing.OperationTimings timings;
    private static final int TIMINGS_FLUSH_SECONDS = 30;
    private final AuditServices audits;
    private final CaptureExceptionQueue exceptions;

    public Session(Database database, Clock clock) {
        this.database = database;
        // every query of the screens goes through the guard: never on the FX thread
        FxThreadGuardedDataSource guarded = new FxThreadGuardedDataSource(database.dataSource());
        dsl = DSL.using(guarded, SQLDialect.POSTGRES);
        this.dossiers = new UnitDossierQuery(dsl, clock);
        this.timings = new dev.serialtrace.db.timing.OperationTimings(dsl, clock, TIMINGS_FLUSH_SECONDS);
        this.lookup = new UnitLookup(dsl, ParserOptions.defaults(clock), timings);
        this.search = new UnitSearch(dsl);
        this.kpi = new dev.serialtrace.db.kpi.KpiQuery(dsl);
        this.returnsAnalysis = new dev.serialtrace.db.kpi.ReturnsAnalysisQuery(dsl);
        this.fraudSignals = new dev.serialtrace.db.kpi.FraudSignalQuery(dsl);
        this.kpiCharts = new dev.serialtrace.db.kpi.KpiChartsQuery(dsl);
        this.verifier = new dev.serialtrace.db.integrity.ChainVerifier(dsl);
        this.audits = new AuditServices(new AuditPlanning(dsl), new AuditCommands(dsl), new StockRetrofit(dsl), lookup,
                signatures(guarded));
        this.exceptions = new CaptureExceptionQueue(dsl);
    }

    public dev.serialtrace.db.integrity.ChainVerifier verifier() {
        return verifier;
    }

    public UnitLookup lookup() {
        return lookup;
    }

    public UnitSearch search() {
        return search;
    }

    /** For the Exchange screen (issue 9); guarded like every query of the screens. */
    public DSLContext dsl() {
        return dsl;
    }

    public dev.serialtrace.db.kpi.KpiQuery kpi() {
        return kpi;
    }

    public dev.serialtrace.db.kpi.ReturnsAnalysisQuery returnsAnalysis() {
        return returnsAnalysis;
    }

    public dev.serialtrace.db.unit.CustomerQueries customerQueries() {
        return new dev.serialtrace.db.unit.CustomerQueries(dsl);
    }

    public dev.serialtrace.db.timing.OperationTimings timings() {
        return timings;
    }

    public dev.serialtrace.db.kpi.KpiChartsQuery kpiCharts() {
        return kpiCharts;
    }

    public dev.serialtrace.db.kpi.FraudSignalQuery fraudSignals() {
        return fraudSignals;
    }

    private volatile dev.serialtrace.db.signature.ElectronicSignatures signatures;

    private java.util.function.Supplier<dev.serialtrace.db.signature.ElectronicSignatures> signatures(javax.sql.DataSource ds) {
        return () -> {
            if (signatures == null) {
                signatures = new dev.serialtrace.db.signature.ElectronicSignatures(ds);
            }
            return signatures;
        };
    }

    public AuditServices audits() {
        return audits;
    }

    public CaptureExceptionQueue exceptions() {
        return exceptions;
    }

    public Database database() {
        return database;
    }

    public UnitDossierQuery dossiers() {
        return dossiers;
    }

    /** True when a trivial query answers within the timeout. */
    public boolean isAlive() {
        try (var c = database.dataSource().getConnection()) {
            return c.isValid(2);
        } catch (Exception e) {
            return false;
        }
    }

    @Override
    public void close() {
        timings.close();
        database.close();
    }
}
