package io.veroforge.generator.ai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** ESLint's JSON report becomes the lines fed back to the model; a report that is not one is an error, not a pass. */
class EslintMessagesTest {

    private static final Path API = Path.of("/scratch/gap-1/api");

    @Test
    void eachMessageBecomesALineWithFileLineColumnRuleAndText() throws IOException {
        String report = """
                [{"filePath":"/scratch/gap-1/api/src/gaps/rule.gap.ts","messages":[
                  {"ruleId":"require-await","severity":2,"message":"Async method 'run' has no 'await' expression.","line":24,"column":3},
                  {"ruleId":"no-console","severity":1,"message":"Unexpected console statement.","line":25,"column":5},
                  {"ruleId":null,"fatal":true,"severity":2,"message":"Parsing error: ';' expected.","line":30,"column":1}],
                  "errorCount":2,"warningCount":1}]""";

        List<String> lines = EslintMessages.of(report, API);

        assertThat(lines).containsExactly(
                "src/gaps/rule.gap.ts:24:3 require-await: Async method 'run' has no 'await' expression.",
                "src/gaps/rule.gap.ts:25:5 no-console (warning, none allowed): Unexpected console statement.",
                "src/gaps/rule.gap.ts:30:1 parse-error: Parsing error: ';' expected.");
    }

    @Test
    void aCleanReportHasNoLines() throws IOException {
        assertThat(EslintMessages.of("[{\"filePath\":\"/scratch/gap-1/api/src/gaps/rule.gap.ts\",\"messages\":[]}]", API)).isEmpty();
    }

    @Test
    void somethingElseThanAReportIsRefused() {
        assertThatThrownBy(() -> EslintMessages.of("{\"oops\": true}", API)).isInstanceOf(IOException.class)
                .hasMessageContaining("not an ESLint JSON report");
    }
}
