package io.veroforge.operator.reliability;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an operator did while something it depends on was away: reconciles started per Tenant
 * (from its per-resource metrics, so a hot loop shows as thousands), log growth, and whether the
 * process stayed up and answered its liveness probe. Taken at the start and the end of an outage.
 */
final class OutageFigures {
    private final DeployedOperator operator;
    private final Map<String, Double> startedBefore;
    private final long logBefore;
    private int livenessFailures;
    private int livenessProbes;

    private OutageFigures(DeployedOperator operator) throws IOException, InterruptedException {
        this.operator = operator;
        this.startedBefore = operator.metricByName("operator_sdk_reconciliations_started_total", "Tenant");
        this.logBefore = Files.size(operator.log());
    }

    static OutageFigures from(DeployedOperator operator) throws IOException, InterruptedException {
        return new OutageFigures(operator);
    }

    /** One liveness probe, as a kubelet would send it during the outage. */
    void probeLiveness() {
        livenessProbes++;
        if (operator.health("live") != 200) {
            livenessFailures++;
        }
    }

    /** Sleeps {@code length}, probing liveness every 2 s (a kubelet's default period is 10 s). */
    void during(Duration length) throws InterruptedException {
        long end = System.nanoTime() + length.toNanos();
        while (System.nanoTime() < end) {
            probeLiveness();
            Thread.sleep(Math.min(2_000, Math.max(1, (end - System.nanoTime()) / 1_000_000)));
        }
    }

    /** Reconciles started per Tenant since {@link #from}, and the other figures, now. */
    Result now(String prefix) throws IOException, InterruptedException {
        Map<String, Double> after = operator.metricByName("operator_sdk_reconciliations_started_total", "Tenant");
        Map<String, Integer> attempts = new TreeMap<>();
        after.forEach((name, n) -> {
            if (name.startsWith(prefix)) {
                attempts.put(name, (int) (n - startedBefore.getOrDefault(name, 0.0)));
            }
        });
        return new Result(attempts, Files.size(operator.log()) - logBefore, operator.alive(), livenessProbes, livenessFailures);
    }

    record Result(Map<String, Integer> attemptsPerTenant, long logBytes, boolean alive, int livenessProbes, int livenessFailures) {
        int maxAttempts() {
            return attemptsPerTenant.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        }

        int totalAttempts() {
            return attemptsPerTenant.values().stream().mapToInt(Integer::intValue).sum();
        }

        String describe() {
            return "reconciles per Tenant during it: max " + maxAttempts() + ", total " + totalAttempts() + " for "
                    + attemptsPerTenant.size() + " Tenants; log +" + logBytes / 1024 + " KiB; operator "
                    + (alive ? "alive" : "EXITED") + ", liveness failed " + livenessFailures + "/" + livenessProbes;
        }
    }

    /**
     * The most reconciles one failing Tenant may start in an outage of {@code length}: its backoff
     * (1, 2, 4 … s, at most 60 s apart) gives about log2 of the length plus one, and a few more come
     * from events (its own status write, the informer's resync after a cut) — a hot loop would be hundreds.
     */
    static int backoffBound(Duration length) {
        int doublings = (int) Math.ceil(Math.log(Math.max(2, length.toSeconds())) / Math.log(2));
        return doublings + 1 + (int) (length.toSeconds() / 60) + 4;
    }
}
