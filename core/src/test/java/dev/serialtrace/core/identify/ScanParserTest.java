package dev.serialtrace.core.identify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.serialtrace.core.identify.gs1.AiElement;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScanParserTest {
    static final LocalDate TODAY = LocalDate.of(2026, 11, 26);
    static final String GS = "\u001D";
    private final ScanParser parser = new ScanParser(new ParserOptions(null, TODAY));

    private ProductIdentifier ok(String raw) {
        ParseResult r = parser.parse(raw);
        assertThat(r).as(r.toString()).isInstanceOf(ProductIdentifier.class);
        return (ProductIdentifier) r;
    }

    private ParseError error(String raw) {
        ParseResult r = parser.parse(raw);
        assertThat(r).as(r.toString()).isInstanceOf(ParseError.class);
        return (ParseError) r;
    }

    @Test
    void dataMatrixPharmaPack() {
        ProductIdentifier p = ok("]d201095060001343521727123110AB12" + GS + "21SN001\r\n");
        assertThat(p.kind()).isEqualTo(IdentifierKind.GS1);
        assertThat(p.symbology()).isEqualTo("]d2");
        assertThat(p.ais()).containsExactly(new AiElement("01", "09506000134352"), new AiElement("17", "271231"),
                new AiElement("10", "AB12"), new AiElement("21", "SN001"));
        assertThat(p.gtin()).isEqualTo("09506000134352");
        assertThat(p.serial()).isEqualTo("SN001");
        assertThat(p.lot()).isEqualTo("AB12");
        assertThat(p.expiry()).isEqualTo(LocalDate.of(2027, 12, 31));
    }

    @Test
    void bracketedFormAndZeroDayExpiry() {
        ProductIdentifier p = ok("(01)09506000134352(11)250100(17)280200(10)AB12(21)SN001");
        assertThat(p.expiry()).isEqualTo(LocalDate.of(2028, 2, 29));
        assertThat(p.productionDate()).isEqualTo(LocalDate.of(2025, 1, 31));
    }

    @ParameterizedTest
    @CsvSource({"761231, 2076-12-31", "771231, 1977-12-31", "270101, 2027-01-01", "000229, 2000-02-29"})
    void centuryBySlidingWindow(String yymmdd, LocalDate expected) {
        assertThat(ok("(01)09506000134352(17)" + yymmdd).expiry()).isEqualTo(expected);
    }

    @Test
    void fnc1SubstituteIsConfigurable() {
        ScanParser tilde = new ScanParser(new ParserOptions('~', TODAY));
        ProductIdentifier p = (ProductIdentifier) tilde.parse("010950600013435210AB12~21SN001");
        assertThat(p.lot()).isEqualTo("AB12");
        assertThat(p.serial()).isEqualTo("SN001");
    }

    @Test
    void leadingGsWithoutSymbologyIdentifier() {
        assertThat(ok(GS + "0109506000134352" + "21SN1").serial()).isEqualTo("SN1");
    }

    @Test
    void errorsCarryPositionAndAi() {
        ParseError e = error("]d20109506000134353" + "21SN1");
        assertThat(e.kind()).isEqualTo(IdentifierKind.GS1);
        assertThat(e.position()).isEqualTo(18);
        assertThat(e.ai()).isEqualTo("01");
        assertThat(error("(01)09506000134352(17)271301").position()).isEqualTo(24);
        ParseError assoc = error("]d20109506000134352" + "0209506000134352");
        assertThat(assoc.message()).contains("(01)").contains("(02)");
        assertThat(assoc.position()).isEqualTo(19);
        assertThat(error("]d221SN1").message()).contains("requires");
        assertThat(error("]d2").message()).isEqualTo("no AI data");
        assertThat(error("]XX").message()).contains("unsupported symbology");
    }

    @Test
    void numericSerialsAreNotMistakenForGs1() {
        assertThat(ok("010950600013").kind()).isEqualTo(IdentifierKind.PLAIN);
        assertThat(ok("0109506000134353").kind()).isEqualTo(IdentifierKind.PLAIN); // bad check digit: a serial
        assertThat(ok("123456789012").serial()).isEqualTo("123456789012");
        assertThat(ok("0109506000134352").kind()).isEqualTo(IdentifierKind.GS1);   // a valid GTIN element string
        assertThat(ok("01095060001343521727123110AB12").lot()).isEqualTo("AB12");
        assertThat(ok("0109506000134352ABC").kind()).isEqualTo(IdentifierKind.PLAIN);
        assertThat(ok("10AB12").kind()).isEqualTo(IdentifierKind.PLAIN);
    }

    @Test
    void digitalLink() {
        ProductIdentifier p = ok("https://brand.example.com/p/01/09506000134352/10/AB%2F12/21/SN001?17=271231");
        assertThat(p.kind()).isEqualTo(IdentifierKind.DIGITAL_LINK);
        assertThat(p.lot()).isEqualTo("AB/12");
        assertThat(p.expiry()).isEqualTo(LocalDate.of(2027, 12, 31));
        ProductIdentifier viaQr = ok("]Q1https://id.gs1.org/01/09506000134352/21/X");
        assertThat(viaQr.symbology()).isEqualTo("]Q1");
        assertThat(viaQr.kind()).isEqualTo(IdentifierKind.DIGITAL_LINK);
        ParseError e = error("https://id.gs1.org/01/09506000134352/21/X?17=271332");
        assertThat(e.kind()).isEqualTo(IdentifierKind.DIGITAL_LINK);
        assertThat(e.ai()).isEqualTo("17");
        assertThat(e.position()).isEqualTo(47); // the month "13"
    }

    @Test
    void sgtinUri() {
        ProductIdentifier p = ok("urn:epc:id:sgtin:0614141.812345.6789");
        assertThat(p.kind()).isEqualTo(IdentifierKind.SGTIN);
        assertThat(p.gtin()).isEqualTo("80614141123458");
        assertThat(p.serial()).isEqualTo("6789");
        assertThat(ok("urn:epc:id:sgtin:0614141.812345.A%2FB").serial()).isEqualTo("A/B");
        assertThat(error("urn:epc:id:sgtin:0614141.81234.6789").kind()).isEqualTo(IdentifierKind.SGTIN);
        assertThat(error("urn:epc:id:sgtin:06141X1.812345.6789").position()).isEqualTo(22);
    }

    @Test
    void hibc() {
        String data = "+A123BJC5D6E71/$$3270531LOT1";
        ProductIdentifier p = ok(data + dev.serialtrace.core.identify.format.CheckScheme.HIBC_MOD43.compute(data));
        assertThat(p.kind()).isEqualTo(IdentifierKind.HIBC);
        assertThat(p.productCode()).isEqualTo("A123BJC5D6E71");
        assertThat(p.lot()).isEqualTo("LOT1");
        assertThat(p.expiry()).isEqualTo(LocalDate.of(2027, 5, 31));
        assertThat(ok("]C0+A123BJC5D6E71G").symbology()).isEqualTo("]C0");
        assertThat(error("+A123BJC5D6E71H").position()).isEqualTo(14);
    }

    @Test
    void internalUnitIds() {
        String id = dev.serialtrace.core.unit.InternalUnitId.format(5000);
        ProductIdentifier p = ok(id.substring(0, 5).toLowerCase() + "-" + id.substring(5));
        assertThat(p.kind()).isEqualTo(IdentifierKind.INTERNAL);
        assertThat(p.serial()).isEqualTo(id);
        char wrong = id.charAt(8) == '0' ? '1' : '0';
        ParseError bad = error(id.substring(0, 8) + wrong);
        assertThat(bad.kind()).isEqualTo(IdentifierKind.INTERNAL);
        assertThat(bad.position()).isEqualTo(8);
        assertThat(bad.message()).contains("check character");
        assertThat(error("U0000-2K!7").position()).isEqualTo(8);
    }

    @Test
    void plainSerials() {
        ProductIdentifier p = ok("SN-2024-00017");
        assertThat(p.kind()).isEqualTo(IdentifierKind.PLAIN);
        assertThat(p.serial()).isEqualTo("SN-2024-00017");
        assertThat(p.ais()).isEmpty();
        assertThat(ok("]d1TESTING").serial()).isEqualTo("TESTING");
        assertThat(error("").message()).isEqualTo("empty input");
    }

    /** test_scandata_processScanData (scandata.c): success/failure and the AI data extracted. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "]Q3011231231231233310ABC123<GS>99TESTING|^011231231231233310ABC123^99TESTING",
            "]d2011231231231233310ABC123<GS>99TESTING|^011231231231233310ABC123^99TESTING",
            "]e0011231231231233310ABC123<GS>99TESTING|^011231231231233310ABC123^99TESTING",
            "]e0011231231231233310ABC123<GS>99TESTING<GS>98XYZ|^011231231231233310ABC123^99TESTING^98XYZ",
            "]e0011231231231233310ABC123<GS>1199122598TESTING<GS>97XYZ|^011231231231233310ABC123^1199122598TESTING^97XYZ",
            "]C1011231231231233310ABC123<GS>99TESTING|^011231231231233310ABC123^99TESTING",
            "]Q1https://example.com/01/12312312312333?99=TEST|^011231231231233399TEST",
            "]d1HTTPS://example.com/01/12312312312333?99=TEST|^011231231231233399TEST",
            "]E02112345678900|^0102112345678900",
            "]E402345673|^0100000002345673",
    })
    void scanDataLikeTheEngine(String scan, String engineAiData) {
        ProductIdentifier p = ok(scan.replace("<GS>", GS));
        StringBuilder form = new StringBuilder("^");
        List<AiElement> ais = p.ais();
        for (int i = 0; i < ais.size(); i++) {
            form.append(ais.get(i).ai()).append(ais.get(i).value());
            boolean fixed = dev.serialtrace.core.identify.gs1.AiDictionary.lookup(ais.get(i).ai()).orElseThrow().predefinedLength();
            if (!fixed && i < ais.size() - 1) {
                form.append('^');
            }
        }
        assertThat(form.toString()).isEqualTo(engineAiData);
    }

    @ParameterizedTest
    @CsvSource({"]", "]X", "]XX", "]e0", "]Q3", "]d2", "]C1", "]E0", "]E0123456789012", "]E012345678901234",
            "]E01234ABC890123", "]E02112345678901", "]E4", "]E41234567", "]E4123456789", "]E412ABC678", "]E402345674"})
    void scanDataRejectedLikeTheEngine(String scan) {
        error(scan);
    }

    @Test
    void mixedCaseSchemeAfterSymbologyIsPlainDataAsInTheEngine() {
        assertThat(ok("]Q1HtTps://example.com/01/12312312312333?99=TEST").kind()).isEqualTo(IdentifierKind.PLAIN);
        assertThat(error("HtTps://example.com/01/12312312312333").kind()).isEqualTo(IdentifierKind.DIGITAL_LINK);
    }
}
