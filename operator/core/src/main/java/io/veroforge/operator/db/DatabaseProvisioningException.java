package io.veroforge.operator.db;

/**
 * The server answered but a provisioning step failed (missing privileges, a conflicting object, a
 * lock that was not granted in time). The message names the step and the server's reason, never a password.
 */
public final class DatabaseProvisioningException extends RuntimeException {

    public DatabaseProvisioningException(String message, Throwable cause) {
        super(message, cause);
    }
}
