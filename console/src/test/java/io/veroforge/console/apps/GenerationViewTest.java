package io.veroforge.console.apps;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.veroforge.api.v1alpha1.FindingSeverity;
import io.veroforge.api.v1alpha1.Generation;
import io.veroforge.api.v1alpha1.SecurityFinding;
import io.veroforge.api.v1alpha1.StageName;
import io.veroforge.api.v1alpha1.StageState;
import io.veroforge.api.v1alpha1.StageStatus;
import io.veroforge.console.Apps;
import io.veroforge.console.apps.GenerationView.Stage;
import io.veroforge.console.apps.GenerationView.Step;

/** The Generation page's model, from the example Generation of crds/examples and variations of its status. */
class GenerationViewTest {

    @Test
    void theTimelineListsEveryStageInRunOrderWithWhatTheOperatorReported() {
        GenerationView view = GenerationView.of("acme", "pest-control", Apps.example());
        assertThat(view.stages()).extracting(Stage::name).containsExactly("Resolve", "Synthesize", "Scan", "Commit",
                "AwaitApproval", "Migrate", "Build", "Deploy", "Verify");
        assertThat(view.stages().get(1)).isEqualTo(new Stage("Synthesize", "Succeeded", "2025-06-12T09:14:04Z",
                "2025-06-12T09:15:41Z", "214 files; 11 gaps filled by AI, 3 template-only", false));
        assertThat(view.stages().get(4).state()).isEqualTo("Running");
        assertThat(view.phase()).isEqualTo("AwaitingApproval");
        assertThat(view.reason()).isEqualTo("AwaitingApproval");
        assertThat(view.awaitsDecision()).isTrue();
    }

    @Test
    void stagesNotReportedYetArePendingAndARetryIsFlagged() {
        Generation generation = Apps.example();
        generation.getStatus().getStages().removeIf(s -> s.getName().ordinal() > StageName.Synthesize.ordinal());
        StageStatus synthesize = generation.getStatus().getStages().get(1);
        synthesize.setState(StageState.Running);
        synthesize.setMessage("retrying with backoff: Git push refused (connection reset)");
        GenerationView view = GenerationView.of("acme", "pest-control", generation);
        assertThat(view.stages().get(1).retrying()).isTrue();
        assertThat(view.stages().get(0).retrying()).isFalse();
        assertThat(view.stages().subList(2, 9)).allSatisfy(s -> assertThat(s.state()).isEqualTo("Pending"));
    }

    @Test
    void theMigrationPlanShowsEachStepsSqlAndFlagsTheDestructiveOne() {
        GenerationView.Migration plan = GenerationView.of("acme", "pest-control", Apps.example()).migration();
        assertThat(plan.destructive()).isTrue();
        assertThat(plan.problem()).isEmpty();
        assertThat(plan.steps()).extracting(Step::destructive).containsExactly(false, true);
        assertThat(plan.steps().get(1).sql()).containsIgnoringCase("drop column");
        assertThat(plan.steps().get(1).phase()).isEqualTo("InPlace");
    }

    @Test
    void unreadableSqlIsSaidAndTheStepsAreStillListed() {
        Generation generation = Apps.example();
        generation.getStatus().getMigrationPlan().setCompressedSql("not base64 at all");
        GenerationView.Migration plan = GenerationView.of("acme", "pest-control", generation).migration();
        assertThat(plan.problem()).contains("status.migrationPlan.compressedSql");
        assertThat(plan.steps()).hasSize(2).allSatisfy(s -> assertThat(s.sql()).isEmpty());
    }

    @Test
    void findingsComeWorstFirst() {
        Generation generation = Apps.example();
        SecurityFinding critical = new SecurityFinding();
        critical.setSeverity(FindingSeverity.critical);
        critical.setRule("sql-injection");
        generation.getStatus().getFindings().add(critical);
        assertThat(GenerationView.of("acme", "pest-control", generation).findings())
                .extracting(GenerationView.Finding::severity).containsExactly("critical", "low");
    }

    @Test
    void aDecisionWrittenButNotYetRecordedIsShownAndNoLongerAwaited() {
        Generation generation = Apps.example();
        generation.getMetadata().setAnnotations(Map.of(Generation.REJECT_ANNOTATION, "alice",
                Generation.REJECT_REASON_ANNOTATION, "drops legacy codes we still bill on"));
        GenerationView view = GenerationView.of("acme", "pest-control", generation);
        assertThat(view.awaitsDecision()).isFalse();
        assertThat(view.approval().state()).startsWith("Rejected");
        assertThat(view.approval().by()).isEqualTo("alice");
        assertThat(view.approval().reason()).isEqualTo("drops legacy codes we still bill on");
    }
}
