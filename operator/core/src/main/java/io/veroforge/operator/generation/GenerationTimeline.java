package io.veroforge.operator.generation;

import static io.veroforge.operator.generation.GenerationConditions.AI_DEGRADED;
import static io.veroforge.operator.generation.GenerationConditions.AWAITING_APPROVAL;
import static io.veroforge.operator.generation.GenerationConditions.NOT_DEPLOYED;
import static io.veroforge.operator.generation.GenerationConditions.READY;
import static io.veroforge.operator.generation.GenerationConditions.REPLACED;
import static io.veroforge.operator.generation.GenerationConditions.RUNNING;
import static io.veroforge.operator.generation.GenerationConditions.SUCCEEDED;
import static io.veroforge.operator.generation.GenerationConditions.VERIFIED;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import io.fabric8.kubernetes.client.utils.Serialization;
import io.veroforge.api.v1alpha1.GapCounts;
import io.veroforge.api.v1alpha1.Generation;
import io.veroforge.api.v1alpha1.GenerationPhase;
import io.veroforge.api.v1alpha1.GenerationStatus;
import io.veroforge.api.v1alpha1.StageName;
import io.veroforge.api.v1alpha1.StageState;
import io.veroforge.api.v1alpha1.StageStatus;
import io.veroforge.operator.conditions.ConditionAggregator;
import io.veroforge.operator.conditions.ConditionOutcome;

/**
 * The one place a Generation's status is built: the stage timeline (every stage listed from the
 * start, so a user sees what is still to come), the phase, the current stage and the conditions.
 * Times change only when a state changes, so re-running a waiting stage does not rewrite status.
 */
final class GenerationTimeline {
    /** Messages end up in terminals and events; long ones (problem lists, conflicts) are cut. */
    static final int MAX_MESSAGE = 2000;

    private final ConditionAggregator conditions;
    private final Clock clock;

    GenerationTimeline(ConditionAggregator conditions, Clock clock) {
        this.conditions = conditions;
        this.clock = clock;
    }

    /** A working copy of the recorded status, with every stage listed. */
    GenerationStatus workingCopy(Generation generation) {
        GenerationStatus status = generation.getStatus() == null ? new GenerationStatus() : Serialization.clone(generation.getStatus());
        List<StageStatus> stages = new ArrayList<>();
        for (StageName name : StageName.values()) {
            stages.add(status.getStages().stream().filter(s -> s.getName() == name).findFirst()
                    .orElseGet(() -> new StageStatus(name, StageState.Pending)));
        }
        status.setStages(stages);
        return status;
    }

    static boolean finished(GenerationStatus status) {
        GenerationPhase phase = status.getPhase();
        return phase == GenerationPhase.Succeeded || phase == GenerationPhase.Failed || phase == GenerationPhase.Rejected
                || phase == GenerationPhase.Superseded;
    }

    static StageStatus entry(GenerationStatus status, StageName name) {
        return status.getStages().stream().filter(s -> s.getName() == name).findFirst().orElseThrow();
    }

    static boolean done(StageStatus entry) {
        return entry.getState() == StageState.Succeeded || entry.getState() == StageState.Skipped;
    }

    void started(GenerationStatus status, StageName name) {
        StageStatus entry = entry(status, name);
        if (entry.getState() != StageState.Running) {
            entry.setState(StageState.Running);
            entry.setStartedAt(now());
            entry.setFinishedAt(null);
            entry.setMessage(null);
        }
        status.setStage(name);
    }

    void recorded(GenerationStatus status, StageName name, StageOutcome outcome) {
        outcome.record().accept(status);
        StageStatus entry = entry(status, name);
        entry.setMessage(cut(outcome.message()));
        switch (outcome.kind()) {
            case SUCCEEDED -> finish(entry, StageState.Succeeded);
            case SKIPPED -> finish(entry, StageState.Skipped);
            case WAITING -> entry.setState(StageState.Running);
            case FAILED, REJECTED, SUPERSEDED -> finish(entry, StageState.Failed);
        }
        status.setStage(name);
    }

    /** A transient failure (API server, Git, database): the stage stays Running and says what it retries. */
    void retrying(GenerationStatus status, StageName name, String why) {
        StageStatus entry = entry(status, name);
        entry.setState(StageState.Running);
        entry.setMessage(cut("retrying with backoff: " + why));
        status.setStage(name);
    }

    /** A slow stage past its bound: it stays Running and says so. */
    void stalled(GenerationStatus status, StageName name, String message) {
        entry(status, name).setMessage(cut(message));
        status.setStage(name);
    }

    /**
     * Phase and conditions from the timeline; {@code last} is the outcome that ended this reconcile
     * (null: in flight); {@code inFlightReason}, when set, is the Succeeded reason of a run still in flight
     * (Retrying, StageStalled).
     */
    void conclude(Generation generation, GenerationStatus status, StageOutcome last, String inFlightReason) {
        Long observed = generation.getMetadata().getGeneration();
        status.setObservedGeneration(observed);
        StageName current = status.getStage();
        boolean allDone = Arrays.stream(StageName.values()).allMatch(n -> done(entry(status, n)));
        ConditionOutcome succeeded;
        ConditionOutcome ready;
        if (allDone) {
            status.setPhase(GenerationPhase.Succeeded);
            succeeded = ConditionOutcome.met(SUCCEEDED, VERIFIED, "generated, committed, migrated, built, deployed and verified");
            ready = ConditionOutcome.met(READY, VERIFIED, "this Generation's revision is serving");
        } else if (last != null && last.ends()) {
            status.setPhase(switch (last.kind()) {
                case REJECTED -> GenerationPhase.Rejected;
                case SUPERSEDED -> GenerationPhase.Superseded;
                default -> GenerationPhase.Failed;
            });
            succeeded = ConditionOutcome.failed(SUCCEEDED, last.reason(), current + ": " + cut(last.message()));
            ready = ConditionOutcome.failed(READY, NOT_DEPLOYED, "the run stopped at " + current + "; the previously deployed Generation keeps serving");
        } else {
            boolean approval = current == StageName.AwaitApproval && last != null && last.kind() == StageOutcome.Kind.WAITING;
            status.setPhase(approval ? GenerationPhase.AwaitingApproval : GenerationPhase.Running);
            String reason = inFlightReason != null ? inFlightReason : approval ? AWAITING_APPROVAL
                    : last != null && last.kind() == StageOutcome.Kind.WAITING && last.reason() != null ? last.reason() : RUNNING;
            String message = current == null ? "starting" : current + ": " + (entry(status, current).getMessage() == null ? "running" : entry(status, current).getMessage());
            succeeded = ConditionOutcome.undecided(SUCCEEDED, reason, message);
            ready = ConditionOutcome.failed(READY, NOT_DEPLOYED, "not deployed yet");
        }
        List<ConditionOutcome> outcomes = new ArrayList<>(List.of(succeeded, ready));
        aiDegraded(status).ifPresent(outcomes::add);
        List<io.fabric8.kubernetes.api.model.Condition> previous = status.getConditions();
        status.setConditions(conditions.aggregate(previous, outcomes, observed));
    }

    /**
     * AiDegraded, True, when a configured model did not fill every gap it was asked for because it
     * failed (reason: the cause, e.g. ProviderServerError) or the budget ran out (AiBudgetExceeded).
     * Absent otherwise: no model configured is the platform's choice, not a degradation.
     */
    static Optional<ConditionOutcome> aiDegraded(GenerationStatus status) {
        GapCounts gaps = status.getGaps();
        if (gaps == null || gaps.getAiFallbackReason() == null) {
            return Optional.empty();
        }
        return Optional.of(ConditionOutcome.met(AI_DEGRADED, gaps.getAiFallbackReason(),
                (gaps.getAiFallbackMessage() == null ? gaps.getAiFallbackReason() : gaps.getAiFallbackMessage())
                        + "; the gaps it did not fill are template-only stubs (status.gaps), the run goes on"));
    }

    /** Ready of a succeeded run: True while it serves, False once {@code newer} (non-null) does. */
    void replacedBy(Generation generation, GenerationStatus status, String newer) {
        List<ConditionOutcome> outcomes = new ArrayList<>();
        for (io.fabric8.kubernetes.api.model.Condition c : status.getConditions()) {
            if (!READY.equals(c.getType())) {
                outcomes.add(ConditionOutcome.of(c));
            }
        }
        outcomes.add(newer == null ? ConditionOutcome.met(READY, VERIFIED, "this Generation's revision is serving")
                : ConditionOutcome.failed(READY, REPLACED, newer + " serves now"));
        status.setConditions(conditions.aggregate(status.getConditions(), outcomes, generation.getMetadata().getGeneration()));
    }

    private void finish(StageStatus entry, StageState state) {
        if (entry.getStartedAt() == null) {
            entry.setStartedAt(now());
        }
        entry.setState(state);
        entry.setFinishedAt(now());
    }

    /** Milliseconds: most stages take less than a second, and telemetry times them from these. */
    private String now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MILLIS).toString();
    }

    static String cut(String message) {
        if (message == null || message.length() <= MAX_MESSAGE) {
            return message;
        }
        return message.substring(0, MAX_MESSAGE - 20) + " … (" + (message.length() - MAX_MESSAGE + 20) + " more chars)";
    }
}
