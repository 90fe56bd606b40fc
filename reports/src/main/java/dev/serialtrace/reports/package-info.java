/**
 * Printable compliance reports: the engine (parameters, row stream, report id, JasperReports fill
 * and PDF/XLSX export, CSV) here; each report's definition and the catalogue in {@code definitions}.
 */
package dev.serialtrace.reports;
