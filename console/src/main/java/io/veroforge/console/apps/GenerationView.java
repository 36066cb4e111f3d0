package io.veroforge.console.apps;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.Condition;
import io.veroforge.api.v1alpha1.ApprovalState;
import io.veroforge.api.v1alpha1.ApprovalStatus;
import io.veroforge.api.v1alpha1.FindingSeverity;
import io.veroforge.api.v1alpha1.GapCounts;
import io.veroforge.api.v1alpha1.Generation;
import io.veroforge.api.v1alpha1.GenerationStatus;
import io.veroforge.api.v1alpha1.MigrationPlan;
import io.veroforge.api.v1alpha1.MigrationStep;
import io.veroforge.api.v1alpha1.SecurityFinding;
import io.veroforge.api.v1alpha1.StageName;
import io.veroforge.api.v1alpha1.StageStatus;


/**
 * What the Generation page and its live socket show, read from the Generation's status alone: the stage timeline
 * (every stage in run order, those not reported yet as Pending), findings worst first, gaps, the migration plan
 * with its destructive steps flagged, and the approval with whether it still waits for a decision.
 */
public record GenerationView(String name, String tenant, String app, String phase, String stage, String state,
        String reason, String message, List<Stage> stages, List<Finding> findings, Gaps gaps, Migration migration,
        Approval approval, boolean awaitsDecision, String commit, String repository) {

    /**
     * One stage. {@code retrying} is set when the operator keeps the stage Running while it retries a transient
     * failure (its message then starts with "retrying with backoff:", GenerationTimeline#retrying).
     */
    public record Stage(String name, String state, String startedAt, String finishedAt, String message, boolean retrying) {
    }

    public record Finding(String severity, String rule, String file, Integer line, String message) {
    }

    public record Gaps(Integer filledByAi, Integer templateOnly, Integer unfilled, String aiFallbackReason) {
    }

    /** {@code problem}: the SQL could not be read from status (it is then left out, the steps are still listed). */
    public record Migration(String from, String schema, boolean destructive, List<Step> steps, String problem) {
    }

    public record Step(int number, String description, String sql, boolean destructive, String phase) {
    }

    public record Approval(String state, String by, String at, String reason) {
    }

    private static final String RETRYING = "retrying with backoff:";
    public static final String SUCCEEDED = "Succeeded";
    public static final String FAILED = "Failed";
    public static final String IN_PROGRESS = "In progress";

    public static GenerationView of(String tenant, String app, Generation generation) {
        GenerationStatus status = generation.getStatus();
        GenerationStatus shown = status == null ? new GenerationStatus() : status;
        Condition run = shown.condition("Succeeded").orElse(null);
        ApprovalStatus approval = shown.getApproval();
        Map<String, String> annotations = generation.getMetadata().getAnnotations() == null ? Map.of()
                : generation.getMetadata().getAnnotations();
        boolean decided = annotations.containsKey(Generation.APPROVE_ANNOTATION)
                || annotations.containsKey(Generation.REJECT_ANNOTATION);
        boolean waits = approval != null && approval.getState() == ApprovalState.Pending && !decided;
        return new GenerationView(generation.getMetadata().getName(), tenant, app,
                shown.getPhase() == null ? "Pending" : shown.getPhase().name(),
                shown.getStage() == null ? "" : shown.getStage().name(),
                runState(run), run == null ? "" : nullToEmpty(run.getReason()),
                run == null ? (status == null ? "the operator has not reported on this Generation yet" : "")
                        : nullToEmpty(run.getMessage()),
                stages(shown), findings(shown), gaps(shown.getGaps()),
                migration(shown.getMigrationPlan()), approval(approval, annotations), waits,
                shown.getCommit() == null ? "" : nullToEmpty(shown.getCommit().getSha()),
                shown.getCommit() == null ? "" : nullToEmpty(shown.getCommit().getRepository()));
    }

    /**
     * The run's state from its Succeeded condition alone: Ready is about serving and is False until the very end,
     * so it would say NotDeployed over every run still in flight.
     */
    private static String runState(Condition run) {
        if (run == null || run.getStatus() == null || "Unknown".equals(run.getStatus())) {
            return IN_PROGRESS;
        }
        return "True".equals(run.getStatus()) ? SUCCEEDED : FAILED;
    }

    private static List<Stage> stages(GenerationStatus status) {
        List<Stage> stages = new ArrayList<>();
        for (StageName name : StageName.values()) {
            StageStatus reported = status.getStages().stream().filter(s -> s.getName() == name).findFirst().orElse(null);
            if (reported == null) {
                stages.add(new Stage(name.name(), "Pending", "", "", "", false));
                continue;
            }
            String message = nullToEmpty(reported.getMessage());
            stages.add(new Stage(name.name(), reported.getState() == null ? "Pending" : reported.getState().name(),
                    nullToEmpty(reported.getStartedAt()), nullToEmpty(reported.getFinishedAt()), message,
                    message.startsWith(RETRYING)));
        }
        return stages;
    }

    private static List<Finding> findings(GenerationStatus status) {
        return status.getFindings().stream()
                .sorted(Comparator.comparing((SecurityFinding f) -> f.getSeverity() == null ? -1 : f.getSeverity().ordinal())
                        .reversed())
                .map(f -> new Finding(f.getSeverity() == null ? "unknown" : f.getSeverity().name(), nullToEmpty(f.getRule()),
                        nullToEmpty(f.getFile()), f.getLine(), nullToEmpty(f.getMessage())))
                .toList();
    }

    private static Gaps gaps(GapCounts gaps) {
        return gaps == null ? null
                : new Gaps(gaps.getFilledByAi(), gaps.getTemplateOnly(), gaps.getUnfilled(), nullToEmpty(gaps.getAiFallbackReason()));
    }

    private static Migration migration(MigrationPlan plan) {
        if (plan == null) {
            return null;
        }
        List<String> sql;
        String problem = "";
        try {
            sql = plan.sqlOfSteps();
        } catch (RuntimeException unreadable) {
            sql = List.of();
            problem = "status.migrationPlan.compressedSql could not be read (" + unreadable.getMessage()
                    + "); the steps are listed without their SQL";
        }
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < plan.getSteps().size(); i++) {
            MigrationStep step = plan.getSteps().get(i);
            steps.add(new Step(i + 1, nullToEmpty(step.getDescription()), i < sql.size() ? nullToEmpty(sql.get(i)) : "",
                    Boolean.TRUE.equals(step.getDestructive()), step.phaseOrDerived().name()));
        }
        return new Migration(nullToEmpty(plan.getFrom()), nullToEmpty(plan.getSchema()), plan.isDestructive(), steps, problem);
    }

    /** A decision the console wrote but the operator has not read yet is shown as such, not as still pending. */
    private static Approval approval(ApprovalStatus approval, Map<String, String> annotations) {
        String approvedBy = annotations.get(Generation.APPROVE_ANNOTATION);
        String rejectedBy = annotations.get(Generation.REJECT_ANNOTATION);
        boolean pendingInStatus = approval == null || approval.getState() == null || approval.getState() == ApprovalState.Pending;
        if (pendingInStatus && rejectedBy != null) {
            return new Approval("Rejected (the operator has not recorded it yet)", rejectedBy, "",
                    annotations.getOrDefault(Generation.REJECT_REASON_ANNOTATION, ""));
        }
        if (pendingInStatus && approvedBy != null) {
            return new Approval("Approved (the operator has not recorded it yet)", approvedBy, "",
                    annotations.getOrDefault(Generation.APPROVE_REASON_ANNOTATION, ""));
        }
        if (approval == null) {
            return null;
        }
        return new Approval(approval.getState() == null ? "" : approval.getState().name(), nullToEmpty(approval.getBy()),
                nullToEmpty(approval.getAt()), nullToEmpty(approval.getReason()));
    }

    /** Whether a finding is serious enough to be shown as such (high or critical). */
    public static boolean severe(String severity) {
        return FindingSeverity.high.name().equals(severity) || FindingSeverity.critical.name().equals(severity);
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
