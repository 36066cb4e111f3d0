package io.veroforge.operator.db;

/**
 * What {@link AppSchemaMigrator#apply} did.
 *
 * @param schema the app's schema
 * @param steps the plan's steps run (0 when the version was already applied)
 */
public record MigrationOutcome(String schema, int version, String generation, Result result, int steps) {

    public enum Result {
        /** The plan ran and the version is recorded. */
        APPLIED,
        /** The version was recorded before (a retry after a crash, or a second reconcile): nothing ran. */
        ALREADY_APPLIED
    }

    public boolean alreadyApplied() {
        return result == Result.ALREADY_APPLIED;
    }

    public String message() {
        return switch (result) {
            case APPLIED -> "applied version " + version + " (" + generation + ", " + steps + " steps) to schema " + schema;
            case ALREADY_APPLIED -> "version " + version + " (" + generation + ") already applied to schema " + schema;
        };
    }
}
