package io.veroforge.operator.canary;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.inject.Inject;

import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.retry.GradualRetry;
import io.veroforge.api.v1alpha1.Canary;
import io.veroforge.api.v1alpha1.CanaryPhase;
import io.veroforge.api.v1alpha1.CanaryStatus;
import io.veroforge.operator.canary.gate.KpiGate;
import io.veroforge.operator.conditions.ConditionAggregator;
import io.veroforge.operator.conditions.StatusReporter;
import io.veroforge.operator.events.EventRecorder;

/**
 * A Canary's story: check the spec; find the stable and canary Deployments; start at step 0; at
 * each analysis interval let the KPI gate score the canary against the stable revision, or take a
 * person's promote/abort; promote (next step, and after the last the canary becomes stable),
 * roll back (all traffic to stable, canary at zero) or continue; route traffic to the step's
 * weight; record the decision; come back at the next interval. Status is the rollout's memory:
 * a restarted operator resumes at the recorded step with the recorded history.
 */
@ControllerConfiguration(name = "canary", generationAwareEventProcessing = false)
@GradualRetry(maxAttempts = -1, initialInterval = 1_000, intervalMultiplier = 2.0, maxInterval = 60_000)
public class CanaryReconciler implements Reconciler<Canary> {
    /** Looks again this soon while the Deployments are missing or a write failed. */
    static final Duration RECHECK = Duration.ofSeconds(10);

    private final CanaryConfig config;
    private final CanaryEvaluator evaluator;
    private final EventRecorder events;
    private final Clock clock;
    private final StatusReporter<Canary, CanaryStatus> reporter;
    private final CanaryStatuses statuses;

    @Inject
    public CanaryReconciler(CanaryConfig config, EventRecorder events) {
        this(config, events, Clock.systemUTC());
    }

    CanaryReconciler(CanaryConfig config, EventRecorder events, Clock clock) {
        this.config = config;
        this.events = events;
        this.clock = clock;
        this.evaluator = new CanaryEvaluator(new PrometheusRangeQuery(config.queryTimeout()), new KpiGate());
        this.reporter = new StatusReporter<>(new ConditionAggregator(clock), events::warning, 
                // a rollback has its own Warning (announce), with the decision's reason
                (failed, all) -> !CanaryStatuses.ROLLED_BACK.equals(failed.getReason()));
        this.statuses = new CanaryStatuses(reporter);
    }

    @Override
    public UpdateControl<Canary> reconcile(Canary canary, Context<Canary> context) {
        if (canary.getStatus() != null && finished(canary.getStatus().getPhase())) {
            return UpdateControl.noUpdate();
        }
        List<String> problems = CanarySpecProblems.of(canary);
        if (!problems.isEmpty()) {
            return reporter.report(canary, statuses.invalid(canary, problems));
        }
        if (CanaryDeployments.isTemplate(canary)) {
            return reporter.report(canary, statuses.template(canary));
        }
        CanaryDeployments.Found found = new CanaryDeployments(context.getClient()).of(canary);
        if (found instanceof CanaryDeployments.Found.Missing missing) {
            return reporter.report(canary, statuses.waiting(canary, missing.message())).rescheduleAfter(RECHECK);
        }
        List<RevisionPair> pairs = ((CanaryDeployments.Found.Pairs) found).pairs();
        Instant now = clock.instant();
        CanaryStatus status = statuses.current(canary, pairs, now);
        Move move = decide(canary, status, now, context);
        new RolloutActions(context.getClient()).carryOut(canary, pairs, status, move);
        CanaryStatus next = statuses.after(canary, status, move, now);
        announce(canary, move, next);
        // cached: an event already queued (our own annotation edit) must not reconcile from the older status
        reporter.reportAndCache(canary, next, context);
        return finished(next.getPhase()) ? UpdateControl.noUpdate()
                : UpdateControl.<Canary>noUpdate().rescheduleAfter(untilNextEvaluation(canary, next));
    }

    /**
     * A write to the cluster failed (an HTTPRoute missing, the API server away): said in Ready with
     * the cause, retried with backoff; the step and history in status are untouched.
     */
    @Override
    public ErrorStatusUpdateControl<Canary> updateErrorStatus(Canary canary, Context<Canary> context, Exception e) {
        return reporter.reportError(canary, statuses.routingFailed(canary, e instanceof RouterException ? e.getMessage()
                : e.getClass().getSimpleName() + ": " + e.getMessage()));
    }

    /** A person's action first; else the gate, when an evaluation is due; else nothing. */
    private Move decide(Canary canary, CanaryStatus status, Instant now, Context<Canary> context) {
        Optional<ManualAction> manual = ManualAction.of(canary);
        if (manual.isPresent()) {
            // cleared before acting: a crash in between loses the request (ask again), never repeats a promotion
            Canary cleared = context.getClient().resource(canary).edit(c -> {
                c.getMetadata().getAnnotations().remove(ManualAction.ACTION);
                c.getMetadata().getAnnotations().remove(ManualAction.ACTOR);
                return c;
            });
            canary.getMetadata().setResourceVersion(cleared.getMetadata().getResourceVersion());
            canary.getMetadata().setAnnotations(cleared.getMetadata().getAnnotations());
            return NextMove.manual(manual.get(), canary.getSpec(), status);
        }
        if (now.isBefore(NextMove.evaluationDue(canary.getSpec(), status))) {
            return new Move.Wait();
        }
        String address = config.metricsAddressOverride().orElse(canary.getSpec().getMetricsProvider().getAddress() == null
                ? config.prometheusAddress() : canary.getSpec().getMetricsProvider().getAddress());
        CanaryEvaluator.Outcome outcome = evaluator.evaluate(canary.getSpec(), address, canary.getMetadata().getNamespace(),
                status.getCanaryRevision(), status.getStableRevision(), now, status.getKpiHistory());
        if (outcome instanceof CanaryEvaluator.Outcome.Unknown unknown) {
            status.setLastEvaluation(CanaryStatuses.unknown(unknown.cause(), now));
            return NextMove.afterOutage(unknown.cause());
        }
        var evaluation = ((CanaryEvaluator.Outcome.Evaluated) outcome).evaluation();
        status.setLastEvaluation(CanaryStatuses.evaluated(evaluation, now));
        status.setKpiHistory(EvaluationStatus.history(status.getKpiHistory(), evaluation));
        return NextMove.afterEvaluation(canary.getSpec(), status, evaluation, now);
    }

    private void announce(Canary canary, Move move, CanaryStatus next) {
        if (move instanceof Move.Rollback) {
            events.warning(canary, CanaryStatuses.ROLLED_BACK, "rolled back " + next.getCanaryRevision() + " by " + move.by() + ": " + move.reason());
        } else if (move instanceof Move.Complete) {
            events.normal(canary, CanaryStatuses.PROMOTED, next.getCanaryRevision() + " is stable, promoted by " + move.by() + ": " + move.reason());
        } else if (move instanceof Move.Advance a) {
            events.normal(canary, "StepPromoted", "step " + a.step() + " at " + a.weight() + "%, by " + move.by() + ": " + move.reason());
        } else if (move instanceof Move.Stay s) {
            events.normal(canary, s.code(), "continue at step " + next.getCurrentStep() + " (" + next.getCurrentWeight() + "%): " + s.reason());
        }
    }

    private Duration untilNextEvaluation(Canary canary, CanaryStatus status) {
        Duration wait = Duration.between(clock.instant(), NextMove.evaluationDue(canary.getSpec(), status));
        return wait.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : wait;
    }

    private static boolean finished(CanaryPhase phase) {
        return phase == CanaryPhase.Promoted || phase == CanaryPhase.RolledBack;
    }
}
