package io.veroforge.operator.generation;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.veroforge.api.v1alpha1.ApprovalPolicy;
import io.veroforge.api.v1alpha1.ApprovalState;
import io.veroforge.api.v1alpha1.ApprovalStatus;
import io.veroforge.api.v1alpha1.FindingSeverity;
import io.veroforge.api.v1alpha1.Generation;
import io.veroforge.api.v1alpha1.GenerationStatus;
import io.veroforge.api.v1alpha1.MigrationPlan;
import io.veroforge.api.v1alpha1.StageName;

/**
 * Decides whether a person must approve before the database and the cluster are touched, and
 * waits for them. Policy {@code auto} never waits, {@code manual} always does, and
 * {@code auto-unless-risky} waits when the run is risky: a destructive migration step, a high or
 * critical security finding, code written by an AI model, or a change to a PHI/card-data field.
 * The decision is an annotation ({@link Generation#APPROVE_ANNOTATION}, {@link Generation#REJECT_ANNOTATION})
 * because the spec is immutable; who may set it is RBAC's decision (patch on generations).
 *
 * <p>A Generation that is not its app's newest when it gets here is superseded: approving an
 * older model would deploy code the AppSpec no longer describes.
 */
final class ApprovalStage implements Stage {
    private final MigrationPlanning planning;
    private final Clock clock;

    ApprovalStage(MigrationPlanning planning, Clock clock) {
        this.planning = planning;
        this.clock = clock;
    }

    @Override
    public StageName name() {
        return StageName.AwaitApproval;
    }

    @Override
    public StageOutcome run(GenerationRun run) throws Exception {
        List<Generation> siblings = DeployedGeneration.ofApp(run.client(), run.namespace(), run.app());
        Optional<Generation> newer = run.newerAmong(siblings);
        if (newer.isPresent()) {
            return StageOutcome.superseded("superseded by " + newer.get().getMetadata().getName() + ", which records the AppSpec's newer content");
        }
        MigrationPlan plan = run.recorded().getMigrationPlan() != null ? run.recorded().getMigrationPlan() : planning.plan(run, siblings);
        List<String> risks = risks(run, plan, siblings);
        ApprovalPolicy policy = run.generation().getSpec().getApprovalPolicy() == null ? ApprovalPolicy.AUTO_UNLESS_RISKY
                : run.generation().getSpec().getApprovalPolicy();
        boolean required = policy == ApprovalPolicy.MANUAL || policy == ApprovalPolicy.AUTO_UNLESS_RISKY && !risks.isEmpty();
        String planLine = plan.getSteps().size() + " migration step(s)" + (plan.isDestructive() ? ", destructive" : "");
        if (!required) {
            String why = policy == ApprovalPolicy.AUTO ? "policy auto" : "policy auto-unless-risky and nothing risky";
            return StageOutcome.succeeded("no approval needed (" + why + "); " + planLine,
                    status -> record(status, plan, approval(ApprovalState.NotRequired, "policy", why)));
        }
        String reason = policy == ApprovalPolicy.MANUAL ? "policy manual" + (risks.isEmpty() ? "" : "; risks: " + String.join("; ", risks))
                : "risky: " + String.join("; ", risks);
        Map<String, String> annotations = run.generation().getMetadata().getAnnotations() == null ? Map.of() : run.generation().getMetadata().getAnnotations();
        String rejectedBy = annotations.get(Generation.REJECT_ANNOTATION);
        if (rejectedBy != null && !rejectedBy.isBlank()) {
            String why = annotations.getOrDefault(Generation.REJECT_REASON_ANNOTATION, "no reason given");
            return StageOutcome.rejected("rejected by " + rejectedBy + ": " + why,
                    status -> record(status, plan, approval(ApprovalState.Rejected, rejectedBy, why)));
        }
        String approvedBy = annotations.get(Generation.APPROVE_ANNOTATION);
        if (approvedBy != null && !approvedBy.isBlank()) {
            return StageOutcome.succeeded("approved by " + approvedBy + " (" + reason + ")",
                    status -> record(status, plan, approval(ApprovalState.Approved, approvedBy, reason)));
        }
        return StageOutcome.waiting(GenerationConditions.AWAITING_APPROVAL, "waiting for approval (" + reason + "); " + planLine
                + ". Approve: kubectl annotate generation " + run.name() + " " + Generation.APPROVE_ANNOTATION + "=<your name>"
                + "  Reject: kubectl annotate generation " + run.name() + " " + Generation.REJECT_ANNOTATION + "=<your name> "
                + Generation.REJECT_REASON_ANNOTATION + "=<why>", null,
                status -> record(status, plan, pending(status, reason)));
    }

    private List<String> risks(GenerationRun run, MigrationPlan plan, List<Generation> siblings) {
        List<String> risks = new ArrayList<>();
        plan.getSteps().stream().filter(s -> Boolean.TRUE.equals(s.getDestructive()))
                .forEach(s -> risks.add("destructive migration step: " + s.getDescription()));
        GenerationStatus recorded = run.recorded();
        long severe = recorded.getFindings().stream()
                .filter(f -> f.getSeverity() == FindingSeverity.high || f.getSeverity() == FindingSeverity.critical).count();
        if (severe > 0) {
            risks.add(severe + " high/critical security finding(s)");
        }
        if (recorded.getGaps() != null && recorded.getGaps().getFilledByAi() != null && recorded.getGaps().getFilledByAi() > 0) {
            risks.add(recorded.getGaps().getFilledByAi() + " gap(s) filled by AI-written code");
        }
        risks.addAll(planning.sensitiveFieldChanges(run, siblings));
        return risks;
    }

    private static void record(GenerationStatus status, MigrationPlan plan, ApprovalStatus approval) {
        status.setMigrationPlan(plan);
        status.setApproval(approval);
    }

    /** Pending keeps its first timestamp, so waiting does not rewrite status on every look. */
    private ApprovalStatus pending(GenerationStatus status, String reason) {
        ApprovalStatus before = status.getApproval();
        if (before != null && before.getState() == ApprovalState.Pending && reason.equals(before.getReason())) {
            return before;
        }
        return approval(ApprovalState.Pending, null, reason);
    }

    private ApprovalStatus approval(ApprovalState state, String by, String reason) {
        ApprovalStatus a = new ApprovalStatus();
        a.setState(state);
        a.setBy(by);
        a.setAt(Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString());
        a.setReason(reason);
        return a;
    }
}
