package io.veroforge.operator.generation;

import java.time.Duration;
import java.util.function.Consumer;

import io.veroforge.api.v1alpha1.GenerationStatus;

/**
 * What one stage did. A stage never writes the status itself (slow stages run on worker
 * threads): it returns what to record, and the reconciler applies it in one place.
 *
 * @param kind         how the stage ended, or that it waits
 * @param reason       a CamelCase reason for the Succeeded condition when the run stops here
 * @param message      what happened, or what to do about it
 * @param recheckAfter for {@link Kind#WAITING}: when to look again even if nothing changes
 * @param record       what the stage adds to the status (commit, findings, plan, …)
 */
record StageOutcome(Kind kind, String reason, String message, Duration recheckAfter, Consumer<GenerationStatus> record) {

    enum Kind {
        /** Done: the next stage may start. */
        SUCCEEDED,
        /** Not needed for this Generation: the next stage may start. */
        SKIPPED,
        /** Not done yet (approval, a build, a rollout): the run stays here. */
        WAITING,
        /** The run stops for good; a new Generation is needed. */
        FAILED,
        /** A person rejected it: the run stops for good. */
        REJECTED,
        /** A newer Generation of the same AppSpec makes this one pointless: the run stops for good. */
        SUPERSEDED
    }

    private static final Consumer<GenerationStatus> NOTHING = s -> {
    };

    static StageOutcome succeeded(String message) {
        return succeeded(message, NOTHING);
    }

    static StageOutcome succeeded(String message, Consumer<GenerationStatus> record) {
        return new StageOutcome(Kind.SUCCEEDED, null, message, null, record);
    }

    static StageOutcome skipped(String message) {
        return new StageOutcome(Kind.SKIPPED, null, message, null, NOTHING);
    }

    static StageOutcome waiting(String reason, String message, Duration recheckAfter) {
        return waiting(reason, message, recheckAfter, NOTHING);
    }

    static StageOutcome waiting(String reason, String message, Duration recheckAfter, Consumer<GenerationStatus> record) {
        return new StageOutcome(Kind.WAITING, reason, message, recheckAfter, record);
    }

    static StageOutcome failed(String reason, String message) {
        return failed(reason, message, NOTHING);
    }

    static StageOutcome failed(String reason, String message, Consumer<GenerationStatus> record) {
        return new StageOutcome(Kind.FAILED, reason, message, null, record);
    }

    static StageOutcome rejected(String message, Consumer<GenerationStatus> record) {
        return new StageOutcome(Kind.REJECTED, "Rejected", message, null, record);
    }

    static StageOutcome superseded(String message) {
        return new StageOutcome(Kind.SUPERSEDED, "Superseded", message, null, NOTHING);
    }

    boolean advances() {
        return kind == Kind.SUCCEEDED || kind == Kind.SKIPPED;
    }

    boolean ends() {
        return kind == Kind.FAILED || kind == Kind.REJECTED || kind == Kind.SUPERSEDED;
    }
}
