package dev.serialtrace.reports;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LeftToRightPdfExporterTest {
    @Test
    void latinTextWithOurPunctuationSkipsTheBidiPass() {
        assertFalse(LeftToRightPdfExporter.hasRightToLeft("2026-11-26 14:03:11 Europe/Berlin"));
        assertFalse(LeftToRightPdfExporter.hasRightToLeft("DAL-A-01-03 → Acme Pharmacy — licence 123; #4711 (Müller, Zürich)"));
        assertFalse(LeftToRightPdfExporter.hasRightToLeft(""));
    }

    @Test
    void rightToLeftScriptsAndBidiControlsKeepTheFullAlgorithm() {
        assertTrue(LeftToRightPdfExporter.hasRightToLeft("Customer שלום Ltd"));        // Hebrew
        assertTrue(LeftToRightPdfExporter.hasRightToLeft("صيدلية 12"));                // Arabic
        assertTrue(LeftToRightPdfExporter.hasRightToLeft("lot ٣٤"));                   // Arabic-Indic digits
        assertTrue(LeftToRightPdfExporter.hasRightToLeft("a\u202Eb"));                 // right-to-left override
        assertTrue(LeftToRightPdfExporter.hasRightToLeft("a\u2067b\u2069"));           // isolates
    }
}
