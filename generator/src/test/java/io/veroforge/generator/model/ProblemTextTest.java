package io.veroforge.generator.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProblemTextTest {

    @Test
    void aLongQuotedValueKeepsItsStartAndSaysHowLongItWas() {
        String name = "Member" + "x".repeat(10_000);
        Problem problem = Problem.error("entities[0].name", "table name \"" + name + "\" is too long", "use at most 63 characters");

        String shown = problem.toString();

        assertThat(shown).startsWith("entities[0].name: table name \"Memberxxx")
                .contains("…\" (10006 characters) is too long")
                .endsWith(" — use at most 63 characters")
                .hasSizeLessThan(200);
    }

    @Test
    void aLongUnquotedValueIsShortenedToo() {
        String shown = Problem.error("requirements", "cannot read " + "y".repeat(5_000), null).toString();
        assertThat(shown).isEqualTo("requirements: cannot read " + "y".repeat(40) + "… (5000 characters)");
    }

    @Test
    void shortValuesAndThePathAreLeftAsWritten() {
        Problem problem = Problem.error("entities[1].fields[0].type", "unknown field type \"strin\"", "did you mean \"string\"?");
        assertThat(problem.toString()).isEqualTo("entities[1].fields[0].type: unknown field type \"strin\" — did you mean \"string\"?");
    }
}
