package io.veroforge.operator.generation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jboss.logging.Logger;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.processing.retry.GradualRetry;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.veroforge.api.v1alpha1.AppSpec;
import io.veroforge.api.v1alpha1.Generation;
import io.veroforge.api.v1alpha1.GenerationPhase;
import io.veroforge.api.v1alpha1.GenerationStatus;
import io.veroforge.api.v1alpha1.StageName;
import io.veroforge.api.v1alpha1.StageStatus;
import io.veroforge.operator.conditions.ConditionAggregator;
import io.veroforge.operator.conditions.StatusReporter;
import io.veroforge.operator.config.PlatformConfig;
import io.veroforge.operator.delivery.DeliveryLabels;
import io.veroforge.operator.events.EventRecorder;
import io.veroforge.operator.failures.Failure;
import io.veroforge.operator.failures.InternalErrors;

/**
 * A Generation's story: run the stages in order — Resolve, Synthesize, Scan, Commit,
 * AwaitApproval, Migrate, Build, Deploy, Verify — recording each in the status timeline, until
 * one waits (approval, a build, a rollout), stops the run (a critical finding, a conflict, a
 * rejection, a failed rollout) or the run is done.
 *
 * <p>The status is the run's memory: a stage recorded as done is never run again, so an operator
 * that dies at any moment resumes at the first stage not done, and every stage is idempotent for
 * the one it interrupted. Slow stages run on {@link StageWorkers}; their completion is an event
 * that brings the run back here. A stage's exception is read as a {@code Failure}: a dependency
 * that is down leaves the stage running with the error in its message, retried with a doubling
 * backoff that holds whatever event arrives; invalid input stops the run; a bug is an
 * InternalError retried at the longest backoff — each keeping what earlier stages of the same
 * reconcile recorded.
 *
 * <p>Event processing is not generation-aware: the spec never changes, and the approval decision
 * arrives as an annotation, which does not bump {@code metadata.generation}.
 */
@ControllerConfiguration(name = "generation", generationAwareEventProcessing = false)
// What a stage throws is handled in reconcile (RetryBackoff); this retries what is left: a status
// write the API server refused (409: the Generation changed meanwhile) or an unreadable AppSpec.
@GradualRetry(maxAttempts = -1, initialInterval = 500, intervalMultiplier = 2.0, maxInterval = 60_000)
public class GenerationReconciler implements Reconciler<Generation> {
    private static final Logger LOG = Logger.getLogger(GenerationReconciler.class);

    private final Map<StageName, Stage> stages;
    private final StageWorkers workers;
    private final GenerationTimeline timeline;
    private final RetryBackoff backoff = new RetryBackoff(Duration.ofSeconds(1), Duration.ofSeconds(60));
    private final GenerationTelemetry telemetry;
    private final EventRecorder events;
    private final InternalErrors internalErrors;
    /**
     * The status is the run's memory: written with optimistic locking and cached, so the next
     * reconcile sees it. Its Warnings are the stage events ({@link #announce}), not the reporter's.
     */
    private final StatusReporter<Generation, GenerationStatus> reporter;
    private final Duration stallAfter;
    /** Stage runs already reported as stalled (one log line and one event each). */
    private final Set<String> stallReported = ConcurrentHashMap.newKeySet();

    public GenerationReconciler(GenerationStages stages, StageWorkers workers, GenerationTelemetry telemetry, EventRecorder events,
            InternalErrors internalErrors, PlatformConfig config) {
        this.internalErrors = internalErrors;
        this.reporter = new StatusReporter<>(new ConditionAggregator(), events::warning, (c, all) -> false);
        this.stallAfter = config.generation().stageStallAfter();
        this.stages = new EnumMap<>(StageName.class);
        stages.all().forEach(s -> this.stages.put(s.name(), s));
        this.workers = workers;
        this.telemetry = telemetry;
        this.events = events;
        this.timeline = new GenerationTimeline(new ConditionAggregator(), Clock.systemUTC());
    }

    /**
     * Besides worker completions: build Jobs and app Deployments carry the Generation's label, so
     * a Job finishing or a Deployment becoming available brings its Generation back at once.
     */
    @Override
    public List<EventSource<?, Generation>> prepareEventSources(EventSourceContext<Generation> context) {
        return List.of(workers.completions(), labelled(Job.class, context), labelled(Deployment.class, context));
    }

    private static <R extends HasMetadata> InformerEventSource<R, Generation> labelled(Class<R> kind, EventSourceContext<Generation> context) {
        return new InformerEventSource<>(InformerEventSourceConfiguration.from(kind, Generation.class)
                .withLabelSelector(DeliveryLabels.GENERATION)
                .withSecondaryToPrimaryMapper(r -> Set.of(new ResourceID(r.getMetadata().getLabels().get(DeliveryLabels.GENERATION),
                        r.getMetadata().getNamespace())))
                .build(), context);
    }

    @Override
    public UpdateControl<Generation> reconcile(Generation generation, Context<Generation> context) throws Exception {
        GenerationStatus status = timeline.workingCopy(generation);
        if (GenerationTimeline.finished(status)) {
            return report(generation, stillServing(generation, status, context), null, context);
        }
        AppSpec appSpec = context.getClient().resources(AppSpec.class).inNamespace(generation.getMetadata().getNamespace())
                .withName(generation.getSpec().getAppSpec().getName()).get();
        if (appSpec == null) {
            return UpdateControl.noUpdate(); // the AppSpec is gone; garbage collection deletes its Generations
        }

        if (generation.getStatus() == null) {
            wakeOlderRuns(generation, context);
        }
        StageOutcome last = null;
        String retrying = null;
        String stalled = null;
        Duration recheck = null;
        for (StageName name : StageName.values()) {
            StageStatus entry = GenerationTimeline.entry(status, name);
            if (GenerationTimeline.done(entry)) {
                continue;
            }
            Stage stage = stages.get(name);
            String key = RetryBackoff.key(generation.getMetadata().getUid(), name);
            Optional<RetryBackoff.NotDue> notDue = backoff.notDue(key);
            if (notDue.isPresent()) {
                // Back before the retry time (the status write that recorded the failure, a worker's
                // completion, any event): the stage does not run; look again when it is due.
                retrying = notDue.get().why();
                recheck = notDue.get().left();
                break;
            }
            timeline.started(status, name);
            GenerationRun run = new GenerationRun(generation, appSpec, context.getClient(), status);
            Optional<StageOutcome> outcome;
            try {
                outcome = stage.slow() ? workers.poll(generation, stage, run) : Optional.of(stage.run(run));
            } catch (Exception e) {
                StageFailure failure = StageFailure.of(e);
                outcome = failure.stops();
                if (outcome.isEmpty()) {
                    retrying = failure.describe();
                    if (failure.failure() instanceof Failure.Internal bug) {
                        internalErrors.count("generation", bug);
                    }
                    // a bug is not an outage: retrying sooner would only repeat it
                    recheck = failure.internal() ? backoff.failedAtLongest(key, retrying) : backoff.failed(key, retrying);
                    timeline.retrying(status, name, retrying);
                    tell(generation, name, failure, e, backoff.failures(key), recheck);
                    break;
                }
                LOG.errorf(e, "Generation %s/%s, stage %s: %s (the run stops)", generation.getMetadata().getNamespace(),
                        generation.getMetadata().getName(), name, failure.describe());
            }
            if (outcome.isEmpty()) {
                // Running on a worker: its completion brings us back, and if none comes, the stall bound does.
                Duration running = workers.runningFor(generation, name).orElse(Duration.ZERO);
                recheck = running.compareTo(stallAfter) < 0 ? stallAfter.minus(running) : stallAfter;
                if (running.compareTo(stallAfter) >= 0) {
                    stalled = stalled(generation, name, key, running);
                    timeline.stalled(status, name, stalled);
                }
                break;
            }
            stallReported.remove(key);
            last = outcome.get();
            backoff.reset(key);
            Instant started = Instant.parse(entry.getStartedAt());
            timeline.recorded(status, name, last);
            telemetry.stage(run, name, last, Duration.between(started, Instant.now()));
            announce(generation, name, last, status);
            if (!last.advances()) {
                recheck = last.recheckAfter();
                break;
            }
        }
        timeline.conclude(generation, status, last, retrying != null ? GenerationConditions.RETRYING
                : stalled != null ? GenerationConditions.STAGE_STALLED : null);
        Optional<Generation> replaced = Optional.empty();
        if (GenerationTimeline.finished(status)) {
            backoff.forget(generation.getMetadata().getUid());
            stallReported.removeIf(k -> k.startsWith(generation.getMetadata().getUid() + "/"));
            telemetry.run(generation, status);
            if (status.getPhase() == GenerationPhase.Succeeded) {
                replaced = DeployedGeneration.otherThan(generation.getMetadata().getName(),
                        DeployedGeneration.ofApp(context.getClient(), generation.getMetadata().getNamespace(), generation.getSpec().getAppSpec().getName()));
            }
        }
        UpdateControl<Generation> control = report(generation, status, recheck, context);
        // Once this success is written, the Generation that served until now is no longer Ready: let it say so.
        replaced.ifPresent(previous -> workers.completions().propagateEvent(ResourceID.fromResource(previous)));
        return control;
    }

    /**
     * What a stage running past the bound says, logged once per stage run. The message does not
     * count the seconds: a status that changed at every look would trigger the next look at once.
     */
    private String stalled(Generation generation, StageName name, String key, Duration running) {
        String message = "still running on a worker after more than " + stallAfter.toSeconds()
                + " s (veroforge.generation.stage-stall-after); the operator's thread dump (generation-stage-* threads) shows where it waits";
        if (stallReported.add(key)) {
            LOG.warnf("Generation %s/%s, stage %s: running for %d s: %s", generation.getMetadata().getNamespace(), generation.getMetadata().getName(),
                    name, running.toSeconds(), message);
            events.warning(generation, GenerationConditions.STAGE_STALLED, name + ": " + message);
        }
        return message;
    }

    /** One Warning event and a logged stack trace per failure streak; later attempts log one line each. */
    private void tell(Generation generation, StageName name, StageFailure failure, Exception e, int attempt, Duration retryIn) {
        String which = generation.getMetadata().getNamespace() + "/" + generation.getMetadata().getName();
        if (attempt == 1) {
            if (failure.internal()) {
                LOG.errorf(e, "Generation %s, stage %s: %s (a bug; retrying with backoff)", which, name, failure.describe());
            } else {
                LOG.warnf(e, "Generation %s, stage %s: %s (retrying with backoff)", which, name, failure.describe());
            }
            events.warning(generation, failure.reason(), name + ": " + GenerationTimeline.cut(failure.describe()));
        } else {
            LOG.infof("Generation %s, stage %s: still %s (attempt %d, retry in %s)", which, name, failure.describe(), attempt, retryIn);
        }
    }

    /**
     * A new Generation makes older unfinished ones of the app obsolete; those waiting for approval
     * would not otherwise look again (an annotation is what normally wakes them) and find out.
     */
    private void wakeOlderRuns(Generation generation, Context<Generation> context) {
        int mine = GenerationRun.numberOf(generation.getMetadata().getName());
        DeployedGeneration.ofApp(context.getClient(), generation.getMetadata().getNamespace(), generation.getSpec().getAppSpec().getName()).stream()
                .filter(g -> GenerationRun.numberOf(g.getMetadata().getName()) < mine)
                .filter(g -> g.getStatus() != null && !GenerationTimeline.finished(g.getStatus()))
                .forEach(g -> workers.completions().propagateEvent(ResourceID.fromResource(g)));
    }

    /** A finished run that succeeded stays Ready only while it is the app's deployed Generation. */
    private GenerationStatus stillServing(Generation generation, GenerationStatus status, Context<Generation> context) {
        if (status.getPhase() != GenerationPhase.Succeeded) {
            return status;
        }
        String namespace = generation.getMetadata().getNamespace();
        Optional<Generation> deployed = DeployedGeneration.among(DeployedGeneration.ofApp(context.getClient(), namespace,
                generation.getSpec().getAppSpec().getName()));
        String serving = deployed.map(g -> g.getMetadata().getName()).orElse(generation.getMetadata().getName());
        timeline.replacedBy(generation, status, serving.equals(generation.getMetadata().getName()) ? null : serving);
        return status;
    }

    /**
     * Writes the status when it changed, with optimistic locking, and caches what was written: the
     * status is the run's memory, so the next reconcile (which this write triggers) must see it,
     * not an older copy still in the informer, or it would run a recorded stage again.
     */
    private UpdateControl<Generation> report(Generation generation, GenerationStatus status, Duration recheck, Context<Generation> context) {
        reporter.reportAndCache(generation, status, context);
        UpdateControl<Generation> control = UpdateControl.noUpdate();
        return recheck == null ? control : control.rescheduleAfter(recheck);
    }

    /** Events at the moments a person cares about; waiting re-runs do not repeat them. */
    private void announce(Generation generation, StageName name, StageOutcome outcome, GenerationStatus status) {
        switch (outcome.kind()) {
            case FAILED -> events.warning(generation, outcome.reason(), name + ": " + GenerationTimeline.cut(outcome.message()));
            case REJECTED -> events.warning(generation, "Rejected", outcome.message());
            case SUPERSEDED -> events.normal(generation, "Superseded", outcome.message());
            case WAITING -> {
                if (name == StageName.AwaitApproval && (generation.getStatus() == null || generation.getStatus().getApproval() == null)) {
                    events.normal(generation, "ApprovalRequired", outcome.message());
                }
                boolean conflictBefore = generation.getStatus() != null && generation.getStatus().getCommit() != null
                        && !generation.getStatus().getCommit().getConflicts().isEmpty();
                if (CommitStage.MERGE_CONFLICT.equals(outcome.reason()) && !conflictBefore) {
                    events.warning(generation, outcome.reason(), name + ": " + GenerationTimeline.cut(outcome.message()));
                }
            }
            case SUCCEEDED -> {
                if (name == StageName.Synthesize) {
                    // once per run: Synthesize is recorded once; the condition stays on the status
                    GenerationTimeline.aiDegraded(status).ifPresent(c -> events.warning(generation, GenerationConditions.AI_DEGRADED,
                            c.reason() + ": " + GenerationTimeline.cut(c.message())));
                }
                if (name == StageName.AwaitApproval && status.getApproval() != null && status.getApproval().getBy() != null
                        && !"policy".equals(status.getApproval().getBy())) {
                    events.normal(generation, "Approved", "approved by " + status.getApproval().getBy());
                }
                if (name == StageName.Verify) {
                    events.normal(generation, "Deployed", outcome.message());
                }
            }
            default -> {
            }
        }
    }
}
