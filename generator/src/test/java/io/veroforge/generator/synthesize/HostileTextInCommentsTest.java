package io.veroforge.generator.synthesize;

import static io.veroforge.generator.Fixtures.manifest;
import static io.veroforge.generator.Fixtures.resolveYaml;
import static org.assertj.core.api.Assertions.assertThat;

import io.veroforge.generator.resolve.Resolution;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Requirement phrases are quoted in the generated files' comments (an entity's provenance in the
 * schema, the service and the UI). Text that ends a comment — a line break of any kind, a block
 * comment's terminator — must not turn the rest of the phrase into code or SQL (found by the
 * hostile-input run, where a phrase reached a migration's {@code --} comment).
 */
class HostileTextInCommentsTest {

    private static final String[] BREAKS = {"\r", "\u2028", "\u2029", "\u0085", "\u0000"};

    @Test
    void aRequirementPhraseThatEndsItsCommentStaysInsideIt() {
        for (String lineBreak : BREAKS) {
            String requirements = "Dispatchers book crews for customers; each invoice has an amount */ process.exit(93); /* and a due"
                    + " date" + lineBreak + "DROP TABLE victims; -- and a customer.";
            Resolution resolution = resolveYaml(manifest("requirements: \"" + requirements.replace("\\", "\\\\").replace("\"", "\\\"")
                    .replace("\r", "\\r").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029").replace("\u0085", "\\x85")
                    .replace("\u0000", "\\0") + "\"\n"));
            assertThat(resolution.errors()).as("the spec resolves").isEmpty();
            GeneratedRepository repo = new Synthesizer().synthesize(resolution.model());

            List<String> reached = new ArrayList<>();
            for (Map.Entry<String, String> file : repo.files().entrySet()) {
                String text = file.getValue();
                if (text.contains("process.exit(93)")) {
                    reached.add(file.getKey());
                }
                for (String line : text.split("\r\n|\r|\n|\u0085|\u2028|\u2029", -1)) {
                    for (String injected : List.of("DROP TABLE victims", "process.exit(93)")) {
                        int at = line.indexOf(injected);
                        if (at < 0) {
                            continue;
                        }
                        String before = line.substring(0, at);
                        boolean inLiteral = before.contains("'") || before.contains("\"") || before.contains("`");
                        assertThat(inLiteral || before.matches(".*(--|//|#|<!--|^\\s*\\*).*"))
                                .as("%s (break U+%04X): the phrase stays in a comment or a literal: %s", file.getKey(),
                                        (int) lineBreak.charAt(0), line).isTrue();
                        boolean lineComment = before.matches(".*(//|--|#).*");
                        if (!inLiteral && !lineComment) { // a block comment's line: it must not be ended early
                            assertThat(before).as("%s: a block comment is not ended early: %s", file.getKey(), line).doesNotContain("*/");
                        }
                    }
                }
            }
            assertThat(reached).as("the phrase is quoted in some generated file (else nothing was tested)").isNotEmpty();
        }
    }
}
