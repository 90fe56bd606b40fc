package dev.serialtrace.core.identify.gs1;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Vectors of the GS1 Syntax Engine's test_ai_validateAIassociations (ai.c), those without unknown AIs. */
class AiAssociationsEngineVectorsTest {
    private final BracketedParser parser = new BracketedParser(EngineForm.REFERENCE);

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "(400)ABC",
            "(400)ABC(400)ABC",
            "(400)ABC(99)DEF(400)ABC",
            "(99)ABC(400)XYZ(400)XYZ",
            "(02)12345678901231(37)123(00)123456789012345675",
            "(91)XXX(02)12345678901231(92)YYY(37)123(93)ZZZ(00)123456789012345675",
            "(21)ABC123(01)12345678901231",
            "(21)ABC123(8006)123456789012310510",
            "(01)12345678901231(21)XYZ999(250)ABC123",
            "(01)12345678901231(3925)12599(30)123",
            "(01)12345678901231(3925)12599(3100)654321",
            "(01)12345678901231(3925)12599(3105)654321",
            "(01)12345678901231(3925)12599(3160)654321",
            "(01)12345678901231(3925)12599(3165)654321",
            "(01)12345678901231(3925)12599(3295)654321",
            "(01)12345678901231(3925)12599(3500)654321",
            "(01)12345678901231(3925)12599(3575)654321",
            "(01)12345678901231(3925)12599(3600)654321",
            "(01)12345678901231(3925)12599(3695)654321",
    })
    void valid(String data) {
        assertThatCode(() -> AiAssociations.check(parser.parse(data))).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "(400)ABC(400)AB",
            "(400)ABC(400)ABCD",
            "(400)ABC(400)ABC(400)XYZ",
            "(400)ABC(400)XYZ(400)ABC",
            "(400)ABC(400)XYZ(400)XYZ",
            "(400)ABC(99)DEF(400)XYZ",
            "(99)ABC(400)ABC(400)XYZ",
            "(01)12345678901231(02)12345678901231",
            "(99)ABC123(01)12345678901231(02)12345678901231",
            "(01)12345678901231(99)ABC123(02)12345678901231",
            "(01)12345678901231(02)12345678901231(99)ABC123",
            "(01)12345678901231(255)5412345000150",
            "(01)12345678901231(37)123",
            "(21)ABC123(235)XYZ",
            "(3940)1234(8111)9999",
            "(3940)1234(3941)9999",
            "(3955)123456(3929)123",
            "(02)12345678901231",
            "(02)12345678901231(37)123",
            "(99)AAA(02)12345678901231(37)123",
            "(02)12345678901231(99)AAA(37)123",
            "(02)12345678901231(37)123(99)AAA",
            "(21)ABC123",
            "(01)12345678901231(250)ABC123",
            "(01)12345678901231(3925)12599",
    })
    void invalid(String data) {
        assertThatThrownBy(() -> AiAssociations.check(parser.parse(data))).isInstanceOf(Gs1SyntaxException.class);
    }
}
