package dev.serialtrace.core.identify.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.serialtrace.core.identify.format.RuleViolation.Part;
import org.junit.jupiter.api.Test;

class FormatRuleTest {
    private final FormatRule luhn10 = new FormatRule(11, 11, "[0-9]", null, CheckScheme.LUHN, CasePolicy.PRESERVE);

    @Test
    void conformingSerialHasNoViolations() {
        assertThat(luhn10.check("79927398713")).isEmpty();
    }

    @Test
    void reportsEveryBrokenPart() {
        assertThat(luhn10.check("7992739871X4")).extracting(RuleViolation::part)
                .containsExactly(Part.LENGTH, Part.CHARSET, Part.CHECK);
        assertThat(luhn10.check("79927398710")).extracting(RuleViolation::part).containsExactly(Part.CHECK);
    }

    @Test
    void patternAndCasePolicies() {
        FormatRule upper = new FormatRule(6, 10, "[A-Z0-9]", "SN[0-9]+", CheckScheme.NONE, CasePolicy.UPPER);
        assertThat(upper.check("SN1234")).isEmpty();
        assertThat(upper.check("sn1234")).extracting(RuleViolation::part)
                .containsExactly(Part.CASE, Part.CHARSET, Part.PATTERN);
        FormatRule insensitive = new FormatRule(6, 10, "[A-Z0-9]", "SN[0-9]+", CheckScheme.NONE, CasePolicy.INSENSITIVE);
        assertThat(insensitive.check("sn1234")).isEmpty();
        assertThat(upper.check("XX1234").get(0).message()).contains("SN[0-9]+");
    }

    @Test
    void mod37RuleOnAlphanumericSerials() {
        FormatRule rule = new FormatRule(14, 14, "[A-Z0-9*]", null, CheckScheme.ISO7064_MOD37_2, CasePolicy.INSENSITIVE);
        assertThat(rule.check("a999914123458j")).isEmpty();
        assertThat(rule.check("A999914123485J")).extracting(RuleViolation::part).containsExactly(Part.CHECK);
    }

    @Test
    void rejectsNonsenseBounds() {
        assertThatThrownBy(() -> new FormatRule(5, 4, "[0-9]", null, CheckScheme.NONE, CasePolicy.PRESERVE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(CasePolicy.fromCode("insensitive")).isEqualTo(CasePolicy.INSENSITIVE);
    }
}
