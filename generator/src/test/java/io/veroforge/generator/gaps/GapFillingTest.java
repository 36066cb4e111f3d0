package io.veroforge.generator.gaps;

import static io.veroforge.generator.Fixtures.manifest;
import static io.veroforge.generator.Fixtures.resolveYaml;
import static org.assertj.core.api.Assertions.assertThat;

import io.veroforge.generator.model.Gap;
import io.veroforge.generator.model.GapType;
import io.veroforge.generator.model.ResolvedModel;
import io.veroforge.generator.resolve.Resolution;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class GapFillingTest {

    private static final String FILE = "api/src/gaps/business-rules.ts";
    /** One single-quoted TypeScript string literal and nothing after it but ");". */
    private static final Pattern THROW_LINE = Pattern.compile("^throw new NotImplementedException\\('(?:[^'\\\\\\n]|\\\\.)*'\\);$");

    /** Two business-rule gaps (requirements) and one custom-action gap. */
    private static ResolvedModel model() {
        Resolution r = resolveYaml(manifest("""
                vertical: field-service
                requirements: |
                  Technicians may not be assigned more than 6 jobs per day.
                  Send the customer a survey a week after each completed job.
                entities:
                  - name: Job
                  - name: Technician
                workflows:
                  - name: escalate-late-job
                    trigger: {type: schedule, schedule: "*/30 * * * *"}
                    actions: [{type: custom, message: "Escalate jobs more than an hour late"}]
                """));
        assertThat(r.errors()).isEmpty();
        return r.model();
    }

    @Test
    void gapIdsAreStableReadableSlugsOfTypeAndPath() {
        assertThat(new Gap(GapType.BUSINESS_RULE, "requirements[2]", "x").id()).isEqualTo("business-rule-requirements-2");
        assertThat(new Gap(GapType.CUSTOM_ACTION, "workflows[escalate-late-job].actions[0]", "x").id())
                .isEqualTo("custom-action-workflows-escalate-late-job-actions-0");
    }

    @Test
    void templateOnlyFillIsAMarkedStubThatFailsLoudlyAndNamesTheGapAndTheFile() {
        Gap gap = new Gap(GapType.BUSINESS_RULE, "requirements[0]", "Technicians may not be assigned more than 6 jobs per day.");
        GapFill fill = new TemplateOnlyGapFiller().fill(gap, new GapContext(model(), FILE));

        assertThat(fill.filled()).isFalse();
        assertThat(fill.filler()).isEqualTo("template-only");
        assertThat(fill.targetFile()).isEqualTo(FILE);
        assertThat(fill.imports()).containsExactly("import { NotImplementedException } from '@nestjs/common';");
        List<String> lines = fill.body().lines().toList();
        assertThat(lines.get(0)).isEqualTo("// VEROFORGE-GAP business-rule-requirements-0 (business rule, template-only): NOT IMPLEMENTED");
        assertThat(lines).last().isEqualTo("throw new NotImplementedException('VeroForge gap business-rule-requirements-0: "
                + "Technicians may not be assigned more than 6 jobs per day. — implement in " + FILE + " or describe it in the AppSpec');");
    }

    @Test
    void userTextCannotBreakOutOfTheCommentOrTheStringLiteral() {
        Gap gap = new Gap(GapType.CUSTOM_ACTION, "workflows[0].actions[0]",
                "it's done'); process.exit(1); //\nrequire('child_process').exec('rm -rf /') \\' */");
        GapFill fill = new TemplateOnlyGapFiller().fill(gap, new GapContext(model(), FILE));

        List<String> lines = fill.body().lines().toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.subList(0, 3)).allSatisfy(l -> assertThat(l).startsWith("// "));
        assertThat(lines.get(3)).matches(THROW_LINE);
        assertThat(lines.get(3)).contains("it\\'s done\\'); process.exit(1);").contains("\\\\\\'");
    }

    @Test
    void fillingEveryGapCountsFilledAndUnfilledAndFallsBackWhenAFillerFails() {
        ResolvedModel model = model();
        // a filler that can only do business rules and throws for anything else
        GapFiller rulesOnly = new GapFiller() {
            @Override
            public String name() {
                return "test-rules";
            }

            @Override
            public GapFill fill(Gap gap, GapContext context) {
                if (gap.type() != GapType.BUSINESS_RULE) {
                    throw new IllegalStateException("cannot");
                }
                return new GapFill(gap, "return true;", List.of(), true, name(), context.targetFile());
            }
        };
        GapFilling.Result result = new GapFilling(rulesOnly).fillAll(model,
                g -> g.type() == GapType.BUSINESS_RULE ? FILE : "api/src/workflows/custom-actions.ts");

        long rules = model.gaps().stream().filter(g -> g.type() == GapType.BUSINESS_RULE).count();
        long custom = model.gaps().stream().filter(g -> g.type() == GapType.CUSTOM_ACTION).count();
        assertThat(rules).isEqualTo(2);
        assertThat(custom).isEqualTo(1);
        GapReport report = result.report();
        assertThat(report.total()).isEqualTo(model.gaps().size());
        assertThat(report.filled()).isEqualTo(rules);
        assertThat(report.unfilled()).isEqualTo(1);
        assertThat(report.unfilledEntries()).singleElement().satisfies(e -> {
            assertThat(e.gapId()).isEqualTo("custom-action-workflows-0-actions-0");
            assertThat(e.filler()).isEqualTo("template-only");
            assertThat(e.targetFile()).isEqualTo("api/src/workflows/custom-actions.ts");
        });
        assertThat(result.fills()).extracting(GapFill::gap).containsExactlyElementsOf(model.gaps());
        assertThat(report.summary()).isEqualTo(model.gaps().size() + " gap(s): " + rules + " filled, 1 unfilled (marked stubs that fail at runtime)");
    }

    @Test
    void templateOnlyFillingLeavesEveryGapUnfilled() {
        ResolvedModel model = model();
        GapReport report = new GapFilling(new TemplateOnlyGapFiller()).fillAll(model, g -> FILE).report();
        assertThat(report.filled()).isZero();
        assertThat(report.unfilled()).isEqualTo(model.gaps().size()).isPositive();
        assertThat(report.byFiller()).containsExactly(java.util.Map.entry("template-only", (long) model.gaps().size()));
    }
}
