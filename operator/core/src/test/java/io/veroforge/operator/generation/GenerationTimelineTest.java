package io.veroforge.operator.generation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.veroforge.api.v1alpha1.Generation;
import io.veroforge.api.v1alpha1.GenerationPhase;
import io.veroforge.api.v1alpha1.GenerationStatus;
import io.veroforge.api.v1alpha1.StageName;
import io.veroforge.api.v1alpha1.StageState;
import io.veroforge.operator.conditions.ConditionAggregator;

/** The run's timeline without a cluster: what a person reads in status for each kind of outcome, at a fixed time. */
class GenerationTimelineTest {
    private static final Instant T0 = Instant.parse("2026-12-02T10:00:00.123Z");
    private final GenerationTimeline timeline = timelineAt(T0);

    private static GenerationTimeline timelineAt(Instant now) {
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        return new GenerationTimeline(new ConditionAggregator(clock), clock);
    }

    @Test
    void everyStageIsListedFromTheStartAndARunningOneSaysWhereItIs() {
        Generation generation = generation();
        GenerationStatus status = timeline.workingCopy(generation);
        assertThat(status.getStages()).hasSize(StageName.values().length).allMatch(s -> s.getState() == StageState.Pending);

        timeline.started(status, StageName.Resolve);
        timeline.recorded(status, StageName.Resolve, StageOutcome.succeeded("model read"));
        timeline.started(status, StageName.Synthesize);
        timeline.conclude(generation, status, null, null);

        assertThat(GenerationTimeline.entry(status, StageName.Resolve).getState()).isEqualTo(StageState.Succeeded);
        assertThat(GenerationTimeline.entry(status, StageName.Resolve).getFinishedAt()).isEqualTo("2026-12-02T10:00:00.123Z");
        assertThat(status.getPhase()).isEqualTo(GenerationPhase.Running);
        var succeeded = status.condition("Succeeded").orElseThrow();
        assertThat(succeeded.getStatus()).isEqualTo("Unknown");
        assertThat(succeeded.getMessage()).isEqualTo("Synthesize: running");
        assertThat(succeeded.getObservedGeneration()).isEqualTo(1L);
    }

    @Test
    void aWaitingStageNamesItsReasonAndAFailureEndsTheRunNamingTheStage() {
        Generation generation = generation();
        GenerationStatus status = timeline.workingCopy(generation);
        timeline.started(status, StageName.Commit);
        StageOutcome waiting = StageOutcome.waiting("GitCredentialsMissing", "Secret x not found", Duration.ofSeconds(30));
        timeline.recorded(status, StageName.Commit, waiting);
        timeline.conclude(generation, status, waiting, null);
        assertThat(status.condition("Succeeded").orElseThrow().getReason()).isEqualTo("GitCredentialsMissing");
        assertThat(GenerationTimeline.entry(status, StageName.Commit).getState()).isEqualTo(StageState.Running);

        StageOutcome failed = StageOutcome.failed("BuildFailed", "kaniko exited 1");
        timeline.started(status, StageName.Build);
        timeline.recorded(status, StageName.Build, failed);
        timeline.conclude(generation, status, failed, null);
        assertThat(status.getPhase()).isEqualTo(GenerationPhase.Failed);
        assertThat(GenerationTimeline.finished(status)).isTrue();
        var succeeded = status.condition("Succeeded").orElseThrow();
        assertThat(succeeded.getStatus()).isEqualTo("False");
        assertThat(succeeded.getReason()).isEqualTo("BuildFailed");
        assertThat(succeeded.getMessage()).isEqualTo("Build: kaniko exited 1");
        assertThat(status.condition("Ready").orElseThrow().getReason()).isEqualTo("NotDeployed");
    }

    @Test
    void aRetriedStageStaysRunningAndTheTransitionTimeHoldsUntilTheStatusFlips() {
        Generation generation = generation();
        GenerationStatus status = timeline.workingCopy(generation);
        timeline.started(status, StageName.Migrate);
        timeline.retrying(status, StageName.Migrate, "DatabaseUnavailable: connection refused");
        timeline.conclude(generation, status, null, GenerationConditions.RETRYING);
        generation.setStatus(status);

        GenerationTimeline later = timelineAt(T0.plusSeconds(120));
        GenerationStatus again = later.workingCopy(generation);
        later.retrying(again, StageName.Migrate, "DatabaseUnavailable: connection refused");
        later.conclude(generation, again, null, GenerationConditions.RETRYING);

        assertThat(GenerationTimeline.entry(again, StageName.Migrate).getMessage())
                .isEqualTo("retrying with backoff: DatabaseUnavailable: connection refused");
        var succeeded = again.condition("Succeeded").orElseThrow();
        assertThat(succeeded.getReason()).isEqualTo("Retrying");
        assertThat(succeeded.getLastTransitionTime()).as("still Unknown: the time it became so").isEqualTo("2026-12-02T10:00:00Z");
    }

    @Test
    void aLongMessageIsCutSayingHowMuchWasLeftOut() {
        String cut = GenerationTimeline.cut("x".repeat(5_000));
        assertThat(cut).hasSizeLessThanOrEqualTo(GenerationTimeline.MAX_MESSAGE + 40).endsWith("more chars)");
    }

    private static Generation generation() {
        Generation generation = new Generation();
        generation.setMetadata(new ObjectMetaBuilder().withName("shop-1").withNamespace("tenant-acme").withGeneration(1L).build());
        return generation;
    }
}
