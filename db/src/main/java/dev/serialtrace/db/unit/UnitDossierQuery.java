package dev.serialtrace.db.unit;

import org.jooq.DSLContext;

import java.time.Clock;
import java.util.Optional;

/** Loads a whole dossier; each part is one or two indexed queries. */
public final class UnitDossierQuery {
    private final UnitIdentityQuery identity;
    private final UnitTimelineQuery timeline;
    private final KitQuery kit;
    private final TemperatureQuery temperature;
    private final WarrantyQuery warranty;
    private final ReturnsQuery returns;

    public UnitDossierQuery(DSLContext dsl, Clock clock) {
        this.identity = new UnitIdentityQuery(dsl);
        this.timeline = new UnitTimelineQuery(dsl);
        this.kit = new KitQuery(dsl);
        this.temperature = new TemperatureQuery(dsl, clock);
        this.warranty = new WarrantyQuery(dsl);
        this.returns = new ReturnsQuery(dsl);
    }

    public Optional<UnitDossier> fetch(long unitId) {
        return identity.fetch(unitId).map(id -> new UnitDossier(id, timeline.fetch(unitId), kit.fetch(unitId),
                id.coldChain() ? temperature.fetch(unitId) : null, warranty.fetch(unitId), returns.fetch(unitId)));
    }
}
