package dev.serialtrace.core.identify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.serialtrace.core.identify.format.CheckScheme;
import dev.serialtrace.core.identify.gs1.AiElement;
import dev.serialtrace.core.identify.gs1.DigitalLinkBuilder;
import dev.serialtrace.core.identify.gs1.Gs1Writer;
import dev.serialtrace.core.unit.InternalUnitId;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;

/** Generated identifiers survive every carrier: written out, parsed back, same facts. */
class RoundTripPropertiesTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 26);
    private static final String CSET82 =
            "!\"%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz";
    private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");

    private final ScanParser parser = new ScanParser(new ParserOptions(null, TODAY));
    private final ScanParser tildeParser = new ScanParser(new ParserOptions('~', TODAY));

    record Item(String gtin, String serial, String lot, LocalDate expiry) {
        List<AiElement> ais() {
            List<AiElement> out = new ArrayList<>();
            out.add(new AiElement("01", gtin));
            if (expiry != null) {
                out.add(new AiElement("17", expiry.format(YYMMDD)));
            }
            if (lot != null) {
                out.add(new AiElement("10", lot));
            }
            out.add(new AiElement("21", serial));
            return out;
        }
    }

    @Provide
    Arbitrary<Item> items() {
        Arbitrary<String> gtin = Arbitraries.strings().numeric().ofLength(13)
                .map(d -> d + CheckScheme.GS1_MOD10.compute(d));
        Arbitrary<String> x20 = Arbitraries.strings().withChars(CSET82).ofMinLength(1).ofMaxLength(20);
        // the GS1 window around 2026 covers 1977–2076; stay inside it
        Arbitrary<LocalDate> expiry = Arbitraries.longs().between(0, 365L * 70)
                .map(d -> LocalDate.of(1990, 1, 1).plusDays(d));
        return Combinators.combine(gtin, x20, x20.injectNull(0.3), expiry.injectNull(0.3)).as(Item::new);
    }

    private static void assertSameFacts(ParseResult r, Item item) {
        assertThat(r).as(r.toString()).isInstanceOf(ProductIdentifier.class);
        ProductIdentifier p = (ProductIdentifier) r;
        assertThat(p.gtin()).isEqualTo(item.gtin());
        assertThat(p.serial()).isEqualTo(item.serial());
        assertThat(p.lot()).isEqualTo(item.lot());
        assertThat(p.expiry()).isEqualTo(item.expiry());
    }

    @Property
    void elementStringWithGsAndSymbologyIdentifier(@ForAll("items") Item item) {
        String scan = "]d2" + Gs1Writer.elementString(item.ais(), '\u001D');
        ParseResult r = parser.parse(scan);
        assertSameFacts(r, item);
        assertThat(((ProductIdentifier) r).ais()).isEqualTo(item.ais());
    }

    @Property
    void elementStringWithSubstituteAndNoSymbologyIdentifier(@ForAll("items") Item item) {
        Item withLot = item.lot() == null ? new Item(item.gtin(), item.serial(), "L1", item.expiry()) : item;
        assertSameFacts(tildeParser.parse(Gs1Writer.elementString(withLot.ais(), '~') + "\r\n"), withLot);
    }

    @Property
    void bracketed(@ForAll("items") Item item) {
        assertSameFacts(parser.parse(Gs1Writer.bracketed(item.ais())), item);
    }

    @Property
    void digitalLinkOnAnyHost(@ForAll("items") Item item,
                              @ForAll @StringLength(min = 1, max = 12) @net.jqwik.api.constraints.AlphaChars String host) {
        String uri = DigitalLinkBuilder.build("https://" + host + ".example/dl", item.ais());
        ParseResult r = parser.parse(uri);
        assertSameFacts(r, item);
        assertThat(((ProductIdentifier) r).kind()).isEqualTo(IdentifierKind.DIGITAL_LINK);
    }

    @Property
    void sgtinUri(@ForAll("items") Item item, @ForAll @IntRange(min = 6, max = 12) int companyPrefixLength) {
        String uri = SgtinUri.of(item.gtin(), companyPrefixLength, item.serial()).uri();
        ParseResult r = parser.parse(uri);
        assertSameFacts(r, new Item(item.gtin(), item.serial(), null, null));
    }

    @Property
    void zeroDayMeansLastDayOfMonth(@ForAll @IntRange(min = 0, max = 99) int yy, @ForAll @IntRange(min = 1, max = 12) int mm) {
        String gtin = "09506000134352";
        ProductIdentifier p = (ProductIdentifier) parser.parse(String.format("(01)%s(17)%02d%02d00", gtin, yy, mm));
        assertThat(p.expiry().getDayOfMonth()).isEqualTo(p.expiry().lengthOfMonth());
        assertThat(p.expiry().getYear()).isBetween(1977, 2076);
    }

    @Property
    void shortNumericSerialsAreAlwaysPlain(@ForAll @NumericChars @StringLength(min = 1, max = 15) String serial) {
        ProductIdentifier p = (ProductIdentifier) parser.parse(serial);
        assertThat(p.kind()).isEqualTo(IdentifierKind.PLAIN);
        assertThat(p.serial()).isEqualTo(serial);
    }

    @Property
    void numericStringsAreGs1OnlyWhenTheyCarryAValidGtin(@ForAll @NumericChars @StringLength(min = 16, max = 40) String digits) {
        ParseResult r = parser.parse(digits);
        assertThat(r).isInstanceOf(ProductIdentifier.class);
        ProductIdentifier p = (ProductIdentifier) r;
        if (p.kind() == IdentifierKind.GS1) {
            assertThat(p.ai("01") != null || p.ai("02") != null).isTrue();
            assertThat(Gs1Writer.elementString(p.ais(), '\u001D')).isEqualTo(digits);
        } else {
            assertThat(p.serial()).isEqualTo(digits);
        }
    }

    @Property
    void internalIds(@ForAll @LongRange(min = 1, max = InternalUnitId.MAX_NUMBER) long number) {
        String id = InternalUnitId.format(number);
        ProductIdentifier p = (ProductIdentifier) parser.parse(id);
        assertThat(p.kind()).isEqualTo(IdentifierKind.INTERNAL);
        assertThat(p.serial()).isEqualTo(id);
    }

    @Property
    void everyCheckSchemeAcceptsWhatItComputes(@ForAll @NumericChars @StringLength(min = 1, max = 30) String digits) {
        for (CheckScheme s : List.of(CheckScheme.GS1_MOD10, CheckScheme.LUHN, CheckScheme.HIBC_MOD43, CheckScheme.ISO7064_MOD37_2)) {
            String full = digits + s.compute(digits);
            assertThat(s.isValid(full)).as(s.name()).isTrue();
        }
    }

    @Property
    void gs1Mod10CatchesEverySingleDigitError(@ForAll @NumericChars @StringLength(13) String data,
                                              @ForAll @IntRange(min = 0, max = 13) int at,
                                              @ForAll @IntRange(min = 1, max = 9) int delta) {
        String gtin = data + CheckScheme.GS1_MOD10.compute(data);
        char changed = (char) ('0' + (gtin.charAt(at) - '0' + delta) % 10);
        String typo = gtin.substring(0, at) + changed + gtin.substring(at + 1);
        ParseResult r = parser.parse("(01)" + typo);
        assertThat(r).isInstanceOf(ParseError.class);
        assertThat(((ParseError) r).position()).isEqualTo(17);
    }
}
