package io.veroforge.operator.improvements;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.StartupEvent;
import io.veroforge.operator.config.GeneratorParts;
import io.veroforge.operator.config.ImprovementsConfig;

/**
 * Reads the overlay again every {@code improvements.reread-every}, for an overlay a platform engineer
 * keeps by hand (a directory or a repository they commit to) without Kafka. Reading an unchanged
 * overlay is a hash over a few small files and changes nothing.
 */
@ApplicationScoped
public class OverlayRereads {
    private final GeneratorParts generator;
    private final ImprovementsConfig config;
    private ScheduledExecutorService timer;

    public OverlayRereads(GeneratorParts generator, ImprovementsConfig config) {
        this.generator = generator;
        this.config = config;
    }

    void start(@Observes StartupEvent ignored) {
        long every = Math.max(1, config.rereadEvery().toMillis());
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "veroforge-overlay-rereads");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(generator::reloadOverlay, every, every, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
