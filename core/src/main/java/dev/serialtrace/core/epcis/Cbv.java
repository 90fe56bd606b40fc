package dev.serialtrace.core.epcis;

import dev.serialtrace.core.lifecycle.BizStep;
import dev.serialtrace.core.lifecycle.Disposition;

import java.util.Locale;
import java.util.Optional;

/**
 * GS1 CBV 2.0 vocabulary as it appears in EPCIS documents. We write the canonical web URIs
 * ({@code https://ref.gs1.org/cbv/BizStep-shipping}); we read those, the CBV 1.x URNs
 * ({@code urn:epcglobal:cbv:bizstep:shipping}), the draft {@code https://ns.gs1.org/voc/} form and
 * the bare JSON-LD terms ({@code shipping}).
 */
public final class Cbv {
    public static final String WEB = "https://ref.gs1.org/cbv/";

    /** A vocabulary of the CBV: its web prefix and its URN prefix. */
    public enum Vocabulary {
        BIZ_STEP("BizStep-", "urn:epcglobal:cbv:bizstep:"),
        DISPOSITION("Disp-", "urn:epcglobal:cbv:disp:"),
        BIZ_TRANSACTION_TYPE("BTT-", "urn:epcglobal:cbv:btt:"),
        SOURCE_DESTINATION_TYPE("SDT-", "urn:epcglobal:cbv:sdt:"),
        ERROR_REASON("ER-", "urn:epcglobal:cbv:er:");

        final String web;
        final String urn;
        private final String[] prefixes;

        Vocabulary(String web, String urn) {
            this.web = web;
            this.urn = urn;
            this.prefixes = new String[] {WEB + web, "https://ns.gs1.org/voc/" + web, "https://gs1.org/voc/" + web, urn,
                    "cbv:" + web, "gs1:" + web};
        }

        /** The canonical web URI of a term. */
        public String uri(String term) {
            return WEB + web + term;
        }

        /** The bare term of any accepted spelling, or empty if the value is not of this vocabulary. */
        public Optional<String> term(String value) {
            if (value == null || value.isBlank()) {
                return Optional.empty();
            }
            String v = value.trim();
            for (String prefix : prefixes) { // case-insensitive, without lower-casing the value (a hot path of import and export)
                if (v.regionMatches(true, 0, prefix, 0, prefix.length())) {
                    return Optional.of(v.substring(prefix.length()));
                }
            }
            return v.contains(":") || v.contains("/") ? Optional.empty() : Optional.of(v);
        }

        /** The canonical web URI of any accepted spelling; values of other vocabularies unchanged. */
        public String canonical(String value) {
            return term(value).map(this::uri).orElse(value);
        }
    }

    private Cbv() {
    }

    public static String uri(BizStep step) {
        return Vocabulary.BIZ_STEP.uri(step.name());
    }

    public static String uri(Disposition disposition) {
        return Vocabulary.DISPOSITION.uri(disposition.name());
    }

    public static Optional<BizStep> bizStep(String value) {
        return Vocabulary.BIZ_STEP.term(value).flatMap(t -> parse(BizStep.class, t));
    }

    public static Optional<Disposition> disposition(String value) {
        return Vocabulary.DISPOSITION.term(value).flatMap(t -> parse(Disposition.class, t));
    }

    private static <E extends Enum<E>> Optional<E> parse(Class<E> type, String term) {
        try {
            return Optional.of(Enum.valueOf(type, term.toLowerCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
