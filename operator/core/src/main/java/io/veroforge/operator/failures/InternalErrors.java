package io.veroforge.operator.failures;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts the operator's own bugs where an SRE looks: {@code veroforge_internal_errors_total}
 * by controller and exception type. A rise means a fix is needed, not a retry.
 */
@ApplicationScoped
public class InternalErrors {
    private final MeterRegistry registry;

    public InternalErrors(MeterRegistry registry) {
        this.registry = registry;
    }

    public void count(String controller, Failure.Internal failure) {
        registry.counter("veroforge.internal.errors", "controller", controller, "exception", failure.exceptionType()).increment();
    }
}
