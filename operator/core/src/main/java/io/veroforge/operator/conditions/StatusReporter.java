package io.veroforge.operator.conditions;

import java.util.List;
import java.util.function.BiPredicate;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.PrimaryUpdateAndCacheUtils;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.veroforge.api.v1alpha1.ConditionedStatus;

/**
 * The one way every reconciler reports a status: conditions are built from outcomes (observed
 * generation stamped on each, transition time carried while the status value holds, by
 * {@link ConditionAggregator}); the status is written only when it differs from what the
 * resource already shows; and each condition that newly failed gets one Warning event, not one
 * per retry. Which failed conditions deserve a Warning is the kind's choice ({@code warnsOn});
 * {@link #ownFailure} is the usual one for a kind whose Ready sums up its other conditions.
 *
 * @param <P> the primary resource
 * @param <S> its status
 */
public final class StatusReporter<P extends CustomResource<?, S>, S extends ConditionedStatus> {

    /** Where Warnings go: {@code EventRecorder::warning} in the operator, a list in unit tests. */
    @FunctionalInterface
    public interface Warnings {
        void warn(HasMetadata about, String reason, String message);
    }

    private final ConditionAggregator conditions;
    private final Warnings warnings;
    private final BiPredicate<Condition, List<Condition>> warnsOn;

    /** @param warnsOn whether a newly failed condition deserves a Warning, given every condition of the new status */
    public StatusReporter(ConditionAggregator conditions, Warnings warnings, BiPredicate<Condition, List<Condition>> warnsOn) {
        this.conditions = conditions;
        this.warnings = warnings;
        this.warnsOn = warnsOn;
    }

    /** {@code status} with the conditions of {@code outcomes}, in their order, against what {@code resource} showed before. */
    public S conditioned(P resource, S status, List<ConditionOutcome> outcomes) {
        Long generation = resource.getMetadata().getGeneration();
        status.setObservedGeneration(generation);
        status.setConditions(conditions.aggregate(previousConditions(resource), outcomes, generation));
        return status;
    }

    /** Patches the status when it changed; warns about what newly failed. */
    public UpdateControl<P> report(P resource, S status) {
        warnAboutNewFailures(resource, status);
        if (unchanged(resource, status)) {
            return UpdateControl.noUpdate();
        }
        resource.setStatus(status);
        return UpdateControl.patchStatus(resource);
    }

    /** The same for JOSDK's error path ({@code updateErrorStatus}). */
    public ErrorStatusUpdateControl<P> reportError(P resource, S status) {
        warnAboutNewFailures(resource, status);
        if (unchanged(resource, status)) {
            return ErrorStatusUpdateControl.noStatusUpdate();
        }
        resource.setStatus(status);
        return ErrorStatusUpdateControl.patchStatus(resource);
    }

    /**
     * Writes the status when it changed, with optimistic locking, and caches what was written, for
     * a status that is the resource's memory (the next reconcile must see it, not an older copy
     * still in the informer). A conflict whose newer copy has a different status means this
     * reconcile's conclusions are stale: it fails, and the retry starts from the newer copy.
     */
    public void reportAndCache(P resource, S status, Context<P> context) {
        warnAboutNewFailures(resource, status);
        if (unchanged(resource, status)) {
            return;
        }
        String basis = json(resource.getStatus());
        PrimaryUpdateAndCacheUtils.updateStatusAndCacheResource(resource, context, fresh -> {
            if (!json(fresh.getStatus()).equals(basis)) {
                throw new IllegalStateException("status of " + resource.getMetadata().getName() + " changed meanwhile; reconciling again");
            }
            fresh.setStatus(status);
            return fresh;
        });
    }

    /**
     * Warn about every failing piece, and about a summary condition ({@code summary}, e.g. Ready)
     * only when its reason is its own (an invalid spec, a bug), not one repeated from a failing piece.
     */
    public static BiPredicate<Condition, List<Condition>> ownFailure(String summary) {
        return (failed, all) -> !summary.equals(failed.getType()) || all.stream().noneMatch(other ->
                !summary.equals(other.getType()) && "False".equals(other.getStatus()) && java.util.Objects.equals(other.getReason(), failed.getReason()));
    }

    private void warnAboutNewFailures(P resource, S status) {
        for (Condition failed : ConditionAggregator.newlyFailed(previousConditions(resource), status.getConditions())) {
            if (warnsOn.test(failed, status.getConditions())) {
                warnings.warn(resource, failed.getReason(), failed.getType() + ": " + failed.getMessage());
            }
        }
    }

    private boolean unchanged(P resource, S status) {
        return resource.getStatus() != null && json(resource.getStatus()).equals(json(status));
    }

    private List<Condition> previousConditions(P resource) {
        return resource.getStatus() == null ? List.of() : resource.getStatus().getConditions();
    }

    private static String json(Object status) {
        return status == null ? "null" : Serialization.asJson(status);
    }
}
