package dev.serialtrace.db.kpi;

/** A site as the KPI filters offer it. */
public record SiteOption(long id, String code, String name) {
    @Override
    public String toString() {
        return code + " — " + name;
    }
}
