/** Printable compliance reports (JasperReports); the catalogue comes with the reports issue. */
package dev.serialtrace.reports;
