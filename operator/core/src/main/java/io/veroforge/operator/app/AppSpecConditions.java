package io.veroforge.operator.app;

/** Condition types and reasons of an AppSpec's status. */
final class AppSpecConditions {
    /** The generator resolved the spec into a valid model. */
    static final String RESOLVED = "Resolved";
    static final String READY = "Ready";
    /** The newest Generation's run succeeded and it serves. */
    static final String DEPLOYED = "Deployed";

    static final String RESOLVED_OK = "Resolved";
    /** Resolved, but the spec probably says something it did not mean (status.warnings says what). */
    static final String RESOLVED_WITH_WARNINGS = "ResolvedWithWarnings";
    static final String INVALID_SPEC = "InvalidSpec";
    /** The spec resolves to more than a Generation records (ModelSnapshot.MAX_ENTITIES). */
    static final String MODEL_TOO_LARGE = "ModelTooLarge";
    static final String GENERATION_RECORDED = "GenerationRecorded";
    static final String DEPLOYED_OK = "Deployed";
    static final String NOT_STARTED = "NotStarted";
    /** {@code spec.draft: true}: resolved and previewed in status, no Generation recorded. Not a failure, so no Warning. */
    static final String DRAFT = "Draft";

    private AppSpecConditions() {
    }
}
