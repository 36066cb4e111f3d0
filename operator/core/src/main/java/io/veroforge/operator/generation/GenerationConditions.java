package io.veroforge.operator.generation;

/** Condition types and reasons of a Generation's status. */
final class GenerationConditions {
    /** The run: Unknown while it runs, True when verified, False when it stopped for good. */
    static final String SUCCEEDED = "Succeeded";
    /** This Generation's code is what serves the app. */
    static final String READY = "Ready";

    static final String RUNNING = "Running";
    static final String AWAITING_APPROVAL = "AwaitingApproval";
    static final String VERIFIED = "Verified";
    static final String NOT_DEPLOYED = "NotDeployed";
    static final String RETRYING = "Retrying";
    /** A slow stage has run on a worker longer than veroforge.generation.stage-stall-after. */
    static final String STAGE_STALLED = "StageStalled";
    /**
     * The configured model did not fill every gap it was asked for (it failed, or the budget ran out):
     * those gaps are template-only and the run goes on. The reason is the cause (AiFailure's reasons).
     */
    static final String AI_DEGRADED = "AiDegraded";
    /** A newer Generation serves now. */
    static final String REPLACED = "Replaced";

    private GenerationConditions() {
    }
}
