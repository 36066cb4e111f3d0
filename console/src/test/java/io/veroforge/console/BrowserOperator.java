package io.veroforge.console;

import java.util.List;

import io.fabric8.kubernetes.api.model.ConditionBuilder;
import io.veroforge.api.v1alpha1.ApprovalState;
import io.veroforge.api.v1alpha1.ApprovalStatus;
import io.veroforge.api.v1alpha1.GenerationPhase;
import io.veroforge.api.v1alpha1.GenerationStatus;
import io.veroforge.api.v1alpha1.MigrationPlan;
import io.veroforge.api.v1alpha1.StageName;
import io.veroforge.api.v1alpha1.StageState;
import io.veroforge.api.v1alpha1.StageStatus;

/**
 * The Generation reconciler's status writes for the browser test, stage by stage, in the shapes
 * GenerationTimeline and ApprovalStage write them (the operator is not in the console's test JVM). The migration
 * plan and findings are the example Generation's.
 */
final class BrowserOperator {
    private static final GenerationStatus EXAMPLE = Apps.example().getStatus();

    private BrowserOperator() {
    }

    static void started(GenerationStatus status) {
        status.setStages(List.of(stage(StageName.Resolve, StageState.Succeeded, "2026-12-03T09:00:00Z", "2026-12-03T09:00:01Z",
                "3 entities (0 inferred), 1 role, 0 workflows"),
                stage(StageName.Synthesize, StageState.Running, "2026-12-03T09:00:01Z", null, "rendering nestjs-prisma-react")));
        status.setPhase(GenerationPhase.Running);
        status.setStage(StageName.Synthesize);
        status.setApproval(null);
        status.setMigrationPlan(null);
        status.setFindings(List.of());
        status.setGaps(null);
        status.setCommit(null);
        status.setConditions(List.of(new ConditionBuilder().withType("Succeeded").withStatus("Unknown").withReason("Running")
                .withMessage("stage Synthesize is running").withLastTransitionTime("2026-12-03T09:00:00Z").build()));
    }

    static void synthesized(GenerationStatus status) {
        set(status, stage(StageName.Synthesize, StageState.Succeeded, "2026-12-03T09:00:01Z", "2026-12-03T09:01:30Z",
                "188 files; 0 gaps filled by AI, 4 template-only"));
        set(status, stage(StageName.Scan, StageState.Succeeded, "2026-12-03T09:01:30Z", "2026-12-03T09:01:38Z",
                "no high or critical findings"));
        set(status, stage(StageName.Commit, StageState.Running, "2026-12-03T09:01:38Z", null,
                "retrying with backoff: Git push refused: connection reset by git.example.com"));
        status.setStage(StageName.Commit);
        status.setGaps(EXAMPLE.getGaps());
        status.setFindings(EXAMPLE.getFindings());
        status.setConditions(List.of(new ConditionBuilder().withType("Succeeded").withStatus("Unknown").withReason("Retrying")
                .withMessage("stage Commit: Git push refused; retrying").withLastTransitionTime("2026-12-03T09:01:38Z").build()));
    }

    static void awaitingApproval(GenerationStatus status) {
        set(status, stage(StageName.Commit, StageState.Succeeded, "2026-12-03T09:01:38Z", "2026-12-03T09:02:10Z", null));
        set(status, stage(StageName.AwaitApproval, StageState.Running, "2026-12-03T09:02:10Z", null,
                "waiting for approval (policy manual; risks: destructive migration step: drop column service_visits.legacy_code (its data is lost))"));
        MigrationPlan plan = EXAMPLE.getMigrationPlan();
        status.setMigrationPlan(plan);
        ApprovalStatus approval = new ApprovalStatus();
        approval.setState(ApprovalState.Pending);
        approval.setAt("2026-12-03T09:02:10Z");
        approval.setReason("policy manual; risks: destructive migration step: drop column service_visits.legacy_code (its data is lost)");
        status.setApproval(approval);
        status.setPhase(GenerationPhase.AwaitingApproval);
        status.setStage(StageName.AwaitApproval);
        status.setCommit(EXAMPLE.getCommit());
        status.setConditions(List.of(new ConditionBuilder().withType("Succeeded").withStatus("Unknown").withReason("AwaitingApproval")
                .withMessage("waiting for veroforge.io/approve: migration step 2 is destructive")
                .withLastTransitionTime("2026-12-03T09:02:10Z").build()));
    }

    /** What ApprovalStage records once it reads the approve annotation, and the next stage starting. */
    static void approved(GenerationStatus status, String by) {
        set(status, stage(StageName.AwaitApproval, StageState.Succeeded, "2026-12-03T09:02:10Z", "2026-12-03T09:05:00Z",
                "approved by " + by + " (policy manual)"));
        set(status, stage(StageName.Migrate, StageState.Running, "2026-12-03T09:05:00Z", null, "applying 2 migration step(s)"));
        status.getApproval().setState(ApprovalState.Approved);
        status.getApproval().setBy(by);
        status.getApproval().setAt("2026-12-03T09:05:00Z");
        status.setPhase(GenerationPhase.Running);
        status.setStage(StageName.Migrate);
        status.setConditions(List.of(new ConditionBuilder().withType("Succeeded").withStatus("Unknown").withReason("Running")
                .withMessage("stage Migrate is running").withLastTransitionTime("2026-12-03T09:05:00Z").build()));
    }

    private static StageStatus stage(StageName name, StageState state, String started, String finished, String message) {
        StageStatus stage = new StageStatus(name, state);
        stage.setStartedAt(started);
        stage.setFinishedAt(finished);
        stage.setMessage(message);
        return stage;
    }

    private static void set(GenerationStatus status, StageStatus stage) {
        List<StageStatus> stages = new java.util.ArrayList<>(status.getStages());
        stages.removeIf(s -> s.getName() == stage.getName());
        stages.add(stage);
        stages.sort(java.util.Comparator.comparing(StageStatus::getName));
        status.setStages(stages);
    }
}
