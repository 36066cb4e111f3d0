package io.veroforge.operator.delivery;

/**
 * A delivery problem the user can fix (a malformed annotation, a missing Secret, a repository kaniko
 * cannot clone). The message names the field or object and says what to do; retrying without a change
 * does not help. Kubernetes API failures are not wrapped in this type: they are transient and retried.
 */
public class DeliveryException extends RuntimeException {
    public DeliveryException(String message) {
        super(message);
    }
}
