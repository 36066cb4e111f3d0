package io.veroforge.operator.generation;

import io.veroforge.api.v1alpha1.StageName;

/**
 * One step of a Generation's run. A stage must be idempotent: after a crash it runs again from
 * the start and must find, not redo, what it already did (same tree → same commit, a migration
 * version applied once, an apply that changes nothing the second time).
 */
interface Stage {

    StageName name();

    /**
     * Slow stages (Git, database, rendering) run on the bounded worker pool; the reconcile thread
     * only submits them and records their outcome when a later reconcile finds it.
     */
    default boolean slow() {
        return false;
    }

    /** Transient failures (API server, Git remote, database unreachable) are thrown and retried with backoff. */
    StageOutcome run(GenerationRun run) throws Exception;
}
