package dev.serialtrace.core.identify;

import dev.serialtrace.core.identify.gs1.AiElement;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A capture read successfully. Fields a kind cannot carry are null (e.g. no GTIN for HIBC or a
 * plain serial).
 *
 * @param symbology   the symbology identifier the scanner sent, e.g. {@code ]d2}, or null
 * @param ais         the GS1 AIs in the order read; empty for non-GS1 kinds
 * @param serial      manufacturer serial as captured (AI 21, SGTIN serial, HIBC serial, the plain
 *                    input, or the canonical internal unit id)
 * @param expiry      AI 17 (DD=00 resolved to the month's last day) or the HIBC expiry date
 * @param productCode HIBC labeler code + product number + unit of measure; null otherwise
 */
public record ProductIdentifier(
        IdentifierKind kind,
        String symbology,
        List<AiElement> ais,
        String gtin,
        String serial,
        String lot,
        LocalDate expiry,
        LocalDate productionDate,
        String productCode) implements ParseResult {

    public ProductIdentifier {
        Objects.requireNonNull(kind);
        ais = List.copyOf(ais);
    }

    @Override
    public boolean ok() {
        return true;
    }

    /** The value of the first occurrence of {@code ai}, or null. */
    public String ai(String ai) {
        return ais.stream().filter(e -> e.ai().equals(ai)).map(AiElement::value).findFirst().orElse(null);
    }
}
