package io.veroforge.operator.db;

/**
 * The server could not be reached or is not accepting work right now (connection refused or lost,
 * starting up or shutting down, too many connections). Transient: retry with backoff.
 */
public final class DatabaseUnavailableException extends RuntimeException {

    public DatabaseUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
