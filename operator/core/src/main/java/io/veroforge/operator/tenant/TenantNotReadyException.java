package io.veroforge.operator.tenant;

import io.veroforge.api.v1alpha1.TenantStatus;

/**
 * Thrown when a tenant could not be fully provisioned for a reason a retry may fix; carries the
 * status that explains it so that the error handler reports exactly what reconcile found.
 */
final class TenantNotReadyException extends RuntimeException {
    private final transient TenantStatus status;

    TenantNotReadyException(TenantStatus status) {
        super(status.condition(TenantConditions.READY).map(c -> c.getReason() + ": " + c.getMessage()).orElse("not ready"));
        this.status = status;
    }

    /** JOSDK wraps what reconcile throws; find ours in the cause chain. */
    static java.util.Optional<TenantNotReadyException> in(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof TenantNotReadyException notReady) {
                return java.util.Optional.of(notReady);
            }
        }
        return java.util.Optional.empty();
    }

    TenantStatus status() {
        return status;
    }
}
