package dev.serialtrace.desktop.audit;

import dev.serialtrace.db.audit.AuditCommands;
import dev.serialtrace.db.audit.AuditPlanning;
import dev.serialtrace.db.audit.StockRetrofit;
import dev.serialtrace.db.signature.ElectronicSignatures;
import dev.serialtrace.db.unit.UnitLookup;

/**
 * The database side of the audit screens, for one open connection. The signature service is made
 * on first use (off the FX thread: it asks a connection which server it is on).
 */
public record AuditServices(AuditPlanning planning, AuditCommands commands, StockRetrofit retrofit, UnitLookup lookup,
                            java.util.function.Supplier<ElectronicSignatures> signatures) {
}
