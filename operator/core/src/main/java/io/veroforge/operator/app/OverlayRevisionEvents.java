package io.veroforge.operator.app;

import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.inbound.SimpleInboundEventSource;
import io.veroforge.api.v1alpha1.AppSpec;
import io.veroforge.operator.config.GeneratorParts;

/**
 * Re-runs every AppSpec's story when the improvements overlay moves to a new revision: the pack
 * revision changed, so each app records a new Generation. One event per AppSpec per overlay
 * change, from the thread that changed it; nothing polls.
 */
final class OverlayRevisionEvents {
    private OverlayRevisionEvents() {
    }

    static SimpleInboundEventSource<AppSpec> of(GeneratorParts generator, EventSourceContext<AppSpec> context) {
        SimpleInboundEventSource<AppSpec> source = new SimpleInboundEventSource<>("improvements-overlay");
        generator.onOverlayChange(() -> {
            if (source.isRunning()) {
                context.getPrimaryCache().list().forEach(app -> source.propagateEvent(ResourceID.fromResource(app)));
            }
        });
        return source;
    }
}
