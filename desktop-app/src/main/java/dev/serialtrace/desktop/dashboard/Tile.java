package dev.serialtrace.desktop.dashboard;

import dev.serialtrace.db.kpi.KpiCode;
import dev.serialtrace.db.kpi.TrafficLight;

import java.util.List;

/** What one KPI tile shows: value against target, state, change from the previous period, sparkline. */
public record Tile(KpiCode code, String name, String value, String target, TrafficLight state, String counts,
                   String change, List<Double> sparkline, String definition) {
}
