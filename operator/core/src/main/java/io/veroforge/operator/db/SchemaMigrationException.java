package io.veroforge.operator.db;

/**
 * A migration version failed and was rolled back as a whole (PostgreSQL DDL is transactional):
 * nothing of it stays and it is not recorded, so it can be retried once the cause is fixed. The
 * message names the generation, the failing step and the server's reason with its SQLState.
 *
 * @see #failedStep()
 * @see #sqlState()
 */
public final class SchemaMigrationException extends RuntimeException {

    private final String failedStep;
    private final String sqlState;

    public SchemaMigrationException(String message, String failedStep, String sqlState, Throwable cause) {
        super(message, cause);
        this.failedStep = failedStep;
        this.sqlState = sqlState;
    }

    /** The description of the step that failed, or null when the failure was not in a step. */
    public String failedStep() {
        return failedStep;
    }

    /** The server's SQLState, or null. */
    public String sqlState() {
        return sqlState;
    }
}
