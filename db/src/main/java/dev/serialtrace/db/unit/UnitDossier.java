package dev.serialtrace.db.unit;

import java.util.List;

/** Everything the dossier screen shows about one unit, loaded together. */
public record UnitDossier(UnitIdentity identity, List<TimelineEntry> timeline, KitTree kit,
                          TemperatureHistory temperature, WarrantyRecord warranty, List<ReturnEntry> returns) {
}
