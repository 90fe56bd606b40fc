package dev.serialtrace.db.kpi;

import org.jooq.DSLContext;

import java.util.List;
import java.util.Locale;

import static dev.serialtrace.db.jooq.Tables.FRAUD_SIGNALS;

/** Fraud and leakage signals of a period, newest first, each with its evidence (issue 6). */
public final class FraudSignalQuery {
    private final DSLContext dsl;

    public FraudSignalQuery(DSLContext dsl) {
        this.dsl = dsl;
    }

    public List<FraudSignal> signals(KpiFilter f, int limit) {
        return dsl.selectFrom(FRAUD_SIGNALS.call(f.from(), f.to(), limit)).fetch(r -> new FraudSignal(
                FraudSignal.Kind.valueOf(r.getKind().toUpperCase(Locale.ROOT)), r.getOccurredAt(), r.getUnitId(),
                r.getSerial(), r.getReference(), r.getEvidence()));
    }
}
