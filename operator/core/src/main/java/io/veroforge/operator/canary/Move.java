package io.veroforge.operator.canary;

/**
 * What a reconcile does to a rollout: the closed set of the decisions, with who decided
 * ({@code kpi-gate} or a person) and why.
 */
sealed interface Move {
    String by();

    String reason();

    /** Promote to the next step. */
    record Advance(int step, int weight, String by, String reason) implements Move {
    }

    /** Promote after the last step: the canary becomes stable. */
    record Complete(String by, String reason) implements Move {
    }

    /** All traffic back to stable, the canary scaled to zero. */
    record Rollback(String by, String reason) implements Move {
    }

    /** Stay at this step ({@code continue}); {@code code} is the reason word (NoData, MetricsUnavailable, PauseNotElapsed, ...). */
    record Stay(String code, String by, String reason) implements Move {
    }

    /** Nothing was due: no evaluation, no decision. */
    record Wait() implements Move {
        @Override
        public String by() {
            return null;
        }

        @Override
        public String reason() {
            return null;
        }
    }
}
