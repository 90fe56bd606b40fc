package dev.serialtrace.core.identify.gs1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Vectors of the GS1 Syntax Engine's test_dl_parseDLuri and test_dl_generateDLuri (dl.c), default settings. */
class DigitalLinkEngineVectorsTest {
    private final DigitalLinkParser parser = new DigitalLinkParser(EngineForm.REFERENCE);

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "http://a/00/006141411234567890|^00006141411234567890",
            "HTTP://a/00/006141411234567890|^00006141411234567890",
            "https://a/00/006141411234567890|^00006141411234567890",
            "HTTPS://a/00/006141411234567890|^00006141411234567890",
            "https://a/01/12312312312333|^0112312312312333",
            "https://xn--fsq.xn--0zwm56d/01/12312312312333|^0112312312312333",
            "https://a./01/12312312312333|^0112312312312333",
            "https://a:65535/01/12312312312333|^0112312312312333",
            "https://192.0.2.1/01/12312312312333|^0112312312312333",
            "https://3232235777/01/12312312312333|^0112312312312333",
            "https://[2001:db8::1]/01/12312312312333|^0112312312312333",
            "https://a/stem/00/006141411234567890|^00006141411234567890",
            "https://a/more/stem/00/006141411234567890|^00006141411234567890",
            "https://a/00/faux/00/006141411234567890|^00006141411234567890",
            "https://a/01/12312312312333/22/TEST/10/ABC/21/XYZ|^011231231231233322TEST^10ABC^21XYZ",
            "https://a/01/12312312312333/235/TEST|^0112312312312333235TEST",
            "https://a/253/1231231231232|^2531231231231232",
            "https://a/253/1231231231232TEST5678901234567|^2531231231231232TEST5678901234567",
            "https://a/8018/123456789012345675/8019/123|^8018123456789012345675^8019123",
            "https://a/stem/00/006141411234567890?|^00006141411234567890",
            "https://a/stem/00/006141411234567890?99=ABC|^0000614141123456789099ABC",
            "https://a/stem/401/12345678?99=ABC|^40112345678^99ABC",
            "https://a/01/12312312312333?99=ABC&98=XYZ|^011231231231233399ABC^98XYZ",
            "https://a/01/12312312312333?&&&99=ABC&&&&&&98=XYZ&&&|^011231231231233399ABC^98XYZ",
            "https://a/01/12312312312333?99=ABC&unknown=666&98=XYZ|^011231231231233399ABC^98XYZ",
            "https://a/01/12312312312333?unknown1=555&99=ABC&unknown2=666&98=XYZ&unknown3=777|^011231231231233399ABC^98XYZ",
            "https://a/01/12312312312333?singleton1&99=ABC&singleton2&98=XYZ&singleton3|^011231231231233399ABC^98XYZ",
            "https://a/01/12312312312333/22/ABC%2d123?99=ABC&98=XYZ%2f987|^011231231231233322ABC-123^99ABC^98XYZ/987",
            "https://a/01/12312312312333/22/ABC+123?99=ABC&98=XYZ%2f987|^011231231231233322ABC+123^99ABC^98XYZ/987",
            "https://a/01/12312312312333/22/test/10/abc/21/xyz#|^011231231231233322test^10abc^21xyz",
            "https://a/01/12312312312333/22/test/10/abc/21/xyz#fragment|^011231231231233322test^10abc^21xyz",
            "https://a/stem/00/006141411234567890?99=ABC#fragment|^0000614141123456789099ABC",
            "https://id.gs1.org/01/09520123456788|^0109520123456788",
            "https://id.gs1.org/01/09520123456788/22/2A|^0109520123456788222A",
            "https://id.gs1.org/01/09520123456788/10/ABC123|^010952012345678810ABC123",
            "https://id.gs1.org/01/09520123456788/21/12345|^01095201234567882112345",
            "https://id.gs1.org/01/09520123456788/10/ABC1/21/12345?17=180426|^010952012345678810ABC1^2112345^17180426",
            "https://id.gs1.org/01/09520123456788?3103=000195|^01095201234567883103000195",
            "https://example.com/01/09520123456788?3103=000195&3922=0299&17=201225|^0109520123456788310300019539220299^17201225",
            "https://id.gs1.org/01/09520123456788?17=201225&3103=000195&3922=0299|^010952012345678817201225310300019539220299",
            "https://id.gs1.org/00/952012345678912345|^00952012345678912345",
            "https://id.gs1.org/00/952012345678912345?02=09520123456788&37=25&10=ABC123|^0095201234567891234502095201234567883725^10ABC123",
            "https://id.gs1.org/414/9520123456788|^4149520123456788",
            "https://id.gs1.org/414/9520123456788/254/32a%2Fb|^414952012345678825432a/b",
            "https://example.com/8004/9520614141234567?01=9520123456788|^80049520614141234567^0109520123456788",
            "https://id.gs1.org/01/09520123456788/235/XYZ?10=ABC123|^0109520123456788235XYZ^10ABC123",
    })
    void parsesLikeTheEngine(String uri, String expected) {
        assertThat(EngineForm.of(parser.parse(uri, 0))).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "ftp://", "http://", "http:///", "http://a", "http://a/", "http://a/b", "http://a/b/",
            "HtTp://a/b/00/006141411234567890",
            "https://00/006141411234567890",
            "https://[fe80::1%25lo]/01/12312312312333",
            "https://$a/006141411234567890",
            "https://a$/006141411234567890",
            "https://a/gtin/12312312312333",
            "https://a/01/2112345678900",
            "https://a/01/416000336108",
            "https://a/01/02345673",
            "https://a/253/1231231231232TEST56789012345678",
            "https://a/stem/00/006141411234567890/",
            "https://a/01/12312312312333?99=",
            "https://a/01/12312312312333?99=ABC&999=faux",
            "https://a/01/12312312312333/22/ABC%2d123?99=ABC&98=XYZ+987",
            "https://example.com/01/09520123456788?10=ABC123",
            "https://id.gs1.org/01/09520123456788/10/ABC123?99=XYZ789&01=09520123456788",
            "https://id.gs1.org/01/09520123456788/10/ABC123?99=XYZ789&10=ABC123",
            "https://id.gs1.org/01/09520123456788/10/ABC123?99=XYZ789&99=XYZ789",
            "https://example.com/01/09520123456788/89/ABC123?99=XYZ",
            "https://example.com/01/09520123456788?99=XYZ&89=ABC123",
            "https://a/01/12312312312333/10/ABC/22/TEST",
            "https://a/01/12312312312333/22/ABC/235/TPX",
    })
    void rejectsLikeTheEngine(String uri) {
        assertThatThrownBy(() -> parser.parse(uri, 0)).isInstanceOf(Gs1SyntaxException.class);
    }

    @Test
    void errorPositionPointsIntoTheUri() {
        String uri = "https://id.gs1.org/01/09520123456789/21/ABC";
        assertThatThrownBy(() -> parser.parse(uri, 0)).isInstanceOfSatisfying(Gs1SyntaxException.class,
                e -> assertThat(e.position()).isEqualTo(uri.indexOf("/21") - 1));
        String escaped = "https://a/01/12312312312333/10/A%20B";
        assertThatThrownBy(() -> parser.parse(escaped, 0)).isInstanceOfSatisfying(Gs1SyntaxException.class,
                e -> assertThat(e.position()).isEqualTo(escaped.indexOf('%')));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "https://example.com|(01)12312312312326(21)abc123|https://example.com/01/12312312312326/21/abc123",
            "https://example.com|(01)12312312312326(22)ABC(10)DEF(21)GHI|https://example.com/01/12312312312326/22/ABC/10/DEF/21/GHI",
            "https://example.com|(01)12312312312326(22)ABC(10)DEF(21)GHI(95)INT|https://example.com/01/12312312312326/22/ABC/10/DEF/21/GHI?95=INT",
            "https://example.com|(21)XYZ(01)12312312312333(10)ABC123(99)XYZ|https://example.com/01/12312312312333/10/ABC123/21/XYZ?99=XYZ",
            "https://example.com|(01)12312312312333(10)ABC+123(99)XYZ+QWERTY|https://example.com/01/12312312312333/10/ABC%2B123?99=XYZ%2BQWERTY",
            "https://example.com|(8017)795260646688514634(99)000001(253)9526064000028000001|https://example.com/8017/795260646688514634?99=000001&253=9526064000028000001",
            "https://example.com|(253)9526064000028000001(99)000001(01)12312312312326(10)DEF(95)INT|https://example.com/253/9526064000028000001?01=12312312312326&99=000001&10=DEF&95=INT",
            "https://example.com|(01)12312312312326(01)12312312312326(10)ABC123(99)XYZ789|https://example.com/01/12312312312326/10/ABC123?99=XYZ789",
            "https://example.com|(8010)0200(3133)333333(3300)000000(99)57(3133)333333(3300)000000(01)04065093955756(10)0(3133)333333(3300)000000(01)04065093955756|https://example.com/8010/0200?3133=333333&3300=000000&01=04065093955756&99=57&10=0",
            "https://id.gs1.org|(01)12312312312326(21)abc123|https://id.gs1.org/01/12312312312326/21/abc123",
    })
    void buildsLikeTheEngine(String stem, String bracketed, String expected) {
        List<AiElement> ais = new BracketedParser(EngineForm.REFERENCE).parse(bracketed).stream()
                .map(p -> new AiElement(p.ai(), p.value())).toList();
        assertThat(DigitalLinkBuilder.build(stem, ais)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
            "(01)12312312312326(99)000001(8200)http://example.com(95)INT",
            "(01)12312312312326(235)TPX9526064(99)000001(22)ABC(95)INT",
            "(01)12312312312326(22)ABC(10)DEF(99)000001(235)TPX9526064(95)INT",
    })
    void refusesToBuildLikeTheEngine(String bracketed) {
        List<AiElement> ais = new BracketedParser(EngineForm.REFERENCE).parse(bracketed).stream()
                .map(p -> new AiElement(p.ai(), p.value())).toList();
        assertThatThrownBy(() -> DigitalLinkBuilder.build("https://example.com", ais))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
