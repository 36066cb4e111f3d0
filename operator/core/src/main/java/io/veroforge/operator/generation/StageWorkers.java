package io.veroforge.operator.generation;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.inbound.SimpleInboundEventSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.veroforge.api.v1alpha1.Generation;
import io.veroforge.api.v1alpha1.StageName;
import io.veroforge.operator.config.PlatformConfig;

/**
 * The bounded pool slow stages run on. A reconcile submits a stage and returns at once; when the
 * stage finishes, its outcome waits here and an event makes JOSDK reconcile the Generation again,
 * which collects the outcome and records it. Outcomes live only in memory: after a restart the
 * stage is simply submitted again, which is safe because stages are idempotent.
 */
@ApplicationScoped
public class StageWorkers {
    /** Outcomes nobody collected (the Generation was deleted) are dropped after this. */
    private static final Duration UNCOLLECTED = Duration.ofMinutes(30);

    private final ThreadPoolExecutor pool;
    private final Map<String, Submitted> submitted = new ConcurrentHashMap<>();
    private final SimpleInboundEventSource<Generation> completions = new SimpleInboundEventSource<>("generation-stage-completions");

    private record Submitted(CompletableFuture<StageOutcome> outcome, long at) {
    }

    /** A slow stage that came back waiting, and until when that answer stands. */
    private record Waiting(StageOutcome outcome, long until) {
    }

    /**
     * Waiting answers of slow stages, kept until their recheck time: the status write that
     * records one triggers a reconcile at once, which must not run the stage again (that would
     * loop hot on a missing Secret or a busy sibling).
     */
    private final Map<String, Waiting> waiting = new ConcurrentHashMap<>();

    public StageWorkers(PlatformConfig config, MeterRegistry registry) {
        int workers = Math.max(1, config.generation().workers());
        AtomicInteger n = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(workers, workers, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(Math.max(1, config.generation().queue())),
                r -> {
                    Thread t = new Thread(r, "generation-stage-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        // A stuck or saturated pool is seen on a dashboard, not only when Generations stop moving.
        Gauge.builder("veroforge.generation.workers.queue.depth", pool, p -> p.getQueue().size())
                .description("slow stages waiting for a generation worker").register(registry);
        Gauge.builder("veroforge.generation.workers.active", pool, ThreadPoolExecutor::getActiveCount)
                .description("generation workers running a stage").register(registry);
        Gauge.builder("veroforge.generation.workers.oldest.running.seconds", this, StageWorkers::oldestRunningSeconds)
                .description("how long the oldest slow stage submitted and not finished has been queued or running").register(registry);
    }

    /** How long this Generation's {@code stage} has been submitted and not finished; empty when it is not running. */
    Optional<Duration> runningFor(Generation generation, StageName stage) {
        Submitted s = submitted.get(generation.getMetadata().getUid() + "/" + stage);
        return s == null || s.outcome().isDone() ? Optional.empty() : Optional.of(Duration.ofNanos(System.nanoTime() - s.at()));
    }

    private double oldestRunningSeconds() {
        long now = System.nanoTime();
        return submitted.values().stream().filter(s -> !s.outcome().isDone()).mapToLong(s -> now - s.at()).max().orElse(0) / 1e9;
    }

    SimpleInboundEventSource<Generation> completions() {
        return completions;
    }

    /**
     * The outcome of {@code stage} for this Generation once it has finished; empty while it runs
     * (it is submitted on the first call). A stage that threw rethrows here, on the reconcile thread.
     */
    Optional<StageOutcome> poll(Generation generation, Stage stage, GenerationRun run) throws Exception {
        String key = generation.getMetadata().getUid() + "/" + stage.name();
        Waiting answered = waiting.get(key);
        if (answered != null) {
            long left = answered.until() - System.nanoTime();
            if (left > 0) {
                StageOutcome o = answered.outcome();
                return Optional.of(new StageOutcome(o.kind(), o.reason(), o.message(), Duration.ofNanos(left), o.record()));
            }
            waiting.remove(key);
        }
        Submitted existing = submitted.get(key);
        if (existing == null) {
            submit(key, generation, stage, run);
            return Optional.empty();
        }
        if (!existing.outcome().isDone()) {
            return Optional.empty();
        }
        submitted.remove(key);
        try {
            StageOutcome outcome = existing.outcome().join();
            if (outcome.kind() == StageOutcome.Kind.WAITING && outcome.recheckAfter() != null) {
                waiting.put(key, new Waiting(outcome, System.nanoTime() + outcome.recheckAfter().toNanos()));
            }
            return Optional.of(outcome);
        } catch (CompletionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    private void submit(String key, Generation generation, Stage stage, GenerationRun run) {
        dropUncollected();
        ResourceID id = ResourceID.fromResource(generation);
        CompletableFuture<StageOutcome> outcome;
        try {
            outcome = CompletableFuture.supplyAsync(() -> {
                try {
                    return stage.run(run);
                } catch (Exception e) {
                    throw new CompletionException(e);
                }
            }, pool);
        } catch (RejectedExecutionException full) {
            outcome = CompletableFuture.completedFuture(StageOutcome.waiting("WorkersBusy",
                    "all " + pool.getMaximumPoolSize() + " generation workers are busy and the queue is full; waiting for a free worker "
                            + "(raise veroforge.generation.workers or .queue if this persists)", Duration.ofSeconds(2)));
        }
        submitted.put(key, new Submitted(outcome, System.nanoTime()));
        outcome.whenComplete((o, e) -> completions.propagateEvent(id));
    }

    private void dropUncollected() {
        long oldest = System.nanoTime() - UNCOLLECTED.toNanos();
        submitted.values().removeIf(s -> s.outcome().isDone() && s.at() < oldest);
        long now = System.nanoTime();
        waiting.values().removeIf(w -> w.until() < now);
    }

    @PreDestroy
    void stop() {
        pool.shutdownNow();
    }
}
