package dev.serialtrace.core.identify;

import dev.serialtrace.core.identify.gs1.AiAssociations;
import dev.serialtrace.core.identify.gs1.AiElement;
import dev.serialtrace.core.identify.gs1.BracketedParser;
import dev.serialtrace.core.identify.gs1.Charsets;
import dev.serialtrace.core.identify.gs1.DigitalLinkParser;
import dev.serialtrace.core.identify.gs1.ElementStringParser;
import dev.serialtrace.core.identify.gs1.Gs1Dates;
import dev.serialtrace.core.identify.gs1.Gs1SyntaxException;
import dev.serialtrace.core.identify.gs1.ParsedAi;
import dev.serialtrace.core.identify.hibc.HibcData;
import dev.serialtrace.core.identify.hibc.HibcException;
import dev.serialtrace.core.identify.hibc.HibcParser;
import dev.serialtrace.core.identify.format.CheckScheme;
import dev.serialtrace.core.unit.InternalUnitId;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Turns one raw capture (scanner or keyboard) into a {@link ProductIdentifier} or a
 * {@link ParseError} with the zero-based position of the offending character.
 *
 * <p>Detection, first match wins (a trailing CR/LF from the scanner's Enter is dropped first):
 * <ol>
 * <li>{@code ]d2 ]C1 ]Q3 ]e0} symbology identifier: GS1 element string. {@code ]E0}/{@code ]E4}:
 *     EAN-13/EAN-8, read as AI (01). Any other {@code ]} + letter + digit (e.g. {@code ]d1},
 *     {@code ]Q1}, {@code ]C0}): non-GS1 data, detected by the rules below without GS1 element strings.
 * <li>{@code (}: bracketed GS1 form.
 * <li>{@code http://} or {@code https://}: GS1 Digital Link.
 * <li>{@code urn:epc:id:sgtin:}: SGTIN EPC URI.
 * <li>{@code +}: HIBC.
 * <li>A GS (or the configured FNC1 substitute) at the start, or a digit at the start and a
 *     separator anywhere: GS1 element string.
 * <li>Starts with a digit, and the whole string reads as a valid element string containing AI 01
 *     or 02 with all AI associations met: GS1 element string. This is the only way an unprefixed
 *     separator-free string becomes GS1, so a numeric serial (say 12 or 16 digits) is not mistaken
 *     for one unless it is, character for character, a valid GTIN-bearing element string.
 * <li>Shaped like an internal unit id ({@link InternalUnitId#looksLikeOne}): internal; a bad id is
 *     an error at its first bad character or its check character.
 * <li>Anything else: a plain manufacturer serial, kept exactly as captured.
 * </ol>
 */
public final class ScanParser {
    private static final Set<String> GS1_SYMBOLOGIES = Set.of("d2", "C1", "Q3", "e0");

    private final ParserOptions options;
    private final ElementStringParser elements;

    public ScanParser(ParserOptions options) {
        this.options = options;
        this.elements = new ElementStringParser(options.fnc1Substitute(), options.referenceDate());
    }

    public ParseResult parse(String raw) {
        String s = stripEnter(raw);
        if (s.isEmpty()) {
            return new ParseError(null, "empty input", 0, null);
        }
        if (s.charAt(0) == ']') {
            return withSymbology(s);
        }
        if (s.charAt(0) == '(') {
            return gs1(IdentifierKind.GS1, null, s, () -> new BracketedParser(options.referenceDate()).parse(s));
        }
        ParseResult other = nonGs1(s, 0, null);
        if (other != null) {
            return other;
        }
        if (elements.isSeparator(s.charAt(0)) || (Character.isDigit(s.charAt(0)) && hasSeparator(s))) {
            int start = elements.isSeparator(s.charAt(0)) ? 1 : 0;
            return gs1(IdentifierKind.GS1, null, s, () -> elements.parse(s, start));
        }
        if (Character.isDigit(s.charAt(0))) {
            ParseResult r = gs1(IdentifierKind.GS1, null, s, () -> elements.parse(s, 0));
            if (r instanceof ProductIdentifier p && (p.ai("01") != null || p.ai("02") != null)) {
                return r;
            }
        }
        return internalOrPlain(s, 0, null);
    }

    private ParseResult withSymbology(String s) {
        if (s.length() < 3 || !Character.isLetter(s.charAt(1))) {
            return new ParseError(null, "incomplete symbology identifier", 0, null);
        }
        String id = s.substring(1, 3);
        String symbology = "]" + id;
        if (GS1_SYMBOLOGIES.contains(id)) {
            return gs1(IdentifierKind.GS1, symbology, s, () -> elements.parse(s, 3));
        }
        if (id.equals("E0") || id.equals("E4")) {
            return ean(s, symbology, id.equals("E0") ? 13 : 8);
        }
        if (!Character.isDigit(s.charAt(2))) {
            return new ParseError(null, "unsupported symbology identifier " + symbology, 0, null);
        }
        if (s.length() == 3) {
            return new ParseError(null, "no data after symbology identifier " + symbology, 3, null);
        }
        ParseResult r = nonGs1(s, 3, symbology);
        return r != null ? r : internalOrPlain(s, 3, symbology);
    }

    /** Digital Link, SGTIN or HIBC when the prefix says so; null otherwise. */
    private ParseResult nonGs1(String s, int start, String symbology) {
        // After ]d1/]Q1 a mixed-case scheme is plain data, as in the engine's scan-data reader;
        // typed without a symbology identifier it is reported as a malformed Digital Link.
        boolean uri = symbology == null ? DigitalLinkParser.looksLikeOne(s, start) : DigitalLinkParser.hasScheme(s, start);
        if (uri) {
            return gs1(IdentifierKind.DIGITAL_LINK, symbology, s,
                    () -> new DigitalLinkParser(options.referenceDate()).parse(s, start));
        }
        if (s.startsWith(SgtinUri.PREFIX, start)) {
            return sgtin(s, start, symbology);
        }
        if (s.charAt(start) == '+') {
            return hibc(s, start, symbology);
        }
        return null;
    }

    private ParseResult gs1(IdentifierKind kind, String symbology, String s, Supplier<List<ParsedAi>> reader) {
        try {
            List<ParsedAi> ais = reader.get();
            AiAssociations.check(ais);
            return Gs1Facts.identifier(kind, symbology, ais, options.referenceDate());
        } catch (Gs1SyntaxException e) {
            return new ParseError(kind, e.getMessage(), e.position(), e.ai());
        }
    }

    private ParseResult ean(String s, String symbology, int length) {
        String digits = s.substring(3);
        for (int i = 0; i < digits.length(); i++) {
            if (!Character.isDigit(digits.charAt(i))) {
                return new ParseError(IdentifierKind.GS1, "EAN data must be digits", 3 + i, null);
            }
        }
        if (digits.length() != length) {
            return new ParseError(IdentifierKind.GS1, "EAN-" + length + " needs " + length + " digits",
                    3 + Math.min(digits.length(), length), null);
        }
        if (!CheckScheme.GS1_MOD10.isValid(digits)) {
            return new ParseError(IdentifierKind.GS1, "incorrect check digit", s.length() - 1, "01");
        }
        String gtin = "0".repeat(14 - length) + digits;
        return new ProductIdentifier(IdentifierKind.GS1, symbology, List.of(new AiElement("01", gtin)),
                gtin, null, null, null, null, null);
    }

    private ParseResult sgtin(String s, int start, String symbology) {
        try {
            SgtinUri uri = SgtinUri.parse(s, start);
            int bad = Charsets.firstInvalid('X', uri.serial());
            if (bad >= 0) {
                return new ParseError(IdentifierKind.SGTIN, "serial character '" + uri.serial().charAt(bad)
                        + "' is not in GS1 character set 82", s.lastIndexOf('.') + 1, "21");
            }
            return new ProductIdentifier(IdentifierKind.SGTIN, symbology,
                    List.of(new AiElement("01", uri.gtin()), new AiElement("21", uri.serial())),
                    uri.gtin(), uri.serial(), null, null, null, null);
        } catch (SgtinUri.SgtinException e) {
            return new ParseError(IdentifierKind.SGTIN, e.getMessage(), e.position, null);
        }
    }

    private ParseResult hibc(String s, int start, String symbology) {
        try {
            HibcData d = HibcParser.parse(s, start);
            return new ProductIdentifier(IdentifierKind.HIBC, symbology, List.of(), null, d.serial(), d.lot(),
                    d.expiry(), d.productionDate(), d.productCode());
        } catch (HibcException e) {
            return new ParseError(IdentifierKind.HIBC, e.getMessage(), e.position(), null);
        }
    }

    private ParseResult internalOrPlain(String s, int start, String symbology) {
        String text = s.substring(start);
        if (InternalUnitId.looksLikeOne(text)) {
            return InternalUnitId.parse(text)
                    .<ParseResult>map(id -> new ProductIdentifier(IdentifierKind.INTERNAL, symbology, List.of(), null,
                            id.text(), null, null, null, null))
                    .orElseGet(() -> {
                        int at = start + InternalUnitId.locateError(text);
                        boolean isCheck = at == start + lastSignificant(text);
                        return new ParseError(IdentifierKind.INTERNAL, isCheck
                                ? "internal unit id check character does not match"
                                : "character not allowed in an internal unit id", at, null);
                    });
        }
        for (int i = 0; i < text.length(); i++) {
            if (Character.isISOControl(text.charAt(i))) {
                return new ParseError(IdentifierKind.PLAIN, "control character in serial", start + i, null);
            }
        }
        return new ProductIdentifier(IdentifierKind.PLAIN, symbology, List.of(), null, text, null, null, null, null);
    }

    private static int lastSignificant(String text) {
        for (int i = text.length() - 1; i >= 0; i--) {
            if (text.charAt(i) != '-' && text.charAt(i) != ' ') {
                return i;
            }
        }
        return -1;
    }

    private boolean hasSeparator(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (elements.isSeparator(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static String stripEnter(String raw) {
        int end = raw.length();
        while (end > 0 && (raw.charAt(end - 1) == '\r' || raw.charAt(end - 1) == '\n')) {
            end--;
        }
        return raw.substring(0, end);
    }

    /** The named facts of a GS1 capture, taken from its AIs. */
    static final class Gs1Facts {
        private Gs1Facts() {
        }

        static ProductIdentifier identifier(IdentifierKind kind, String symbology, List<ParsedAi> parsed, LocalDate ref) {
            List<AiElement> ais = parsed.stream().map(p -> new AiElement(p.ai(), p.value())).toList();
            ProductIdentifier tmp = new ProductIdentifier(kind, symbology, ais, null, null, null, null, null, null);
            String expiry = tmp.ai("17");
            String production = tmp.ai("11");
            return new ProductIdentifier(kind, symbology, ais, tmp.ai("01"), tmp.ai("21"), tmp.ai("10"),
                    expiry == null ? null : Gs1Dates.parse(expiry, ref, true),
                    production == null ? null : Gs1Dates.parse(production, ref, true), null);
        }
    }
}
