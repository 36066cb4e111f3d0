package io.veroforge.operator.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.veroforge.api.v1alpha1.Tenant;

/**
 * Applies N basic Tenants to the operator running as it does for a user ({@code quarkus-run.jar
 * --local}: in-process Kubernetes API, real PostgreSQL) in its own process, and reports the
 * time until all are Ready, apply→Ready percentiles and the operator's heap and RSS.
 *
 * <p>Run with {@code ./mvnw -Pbench -pl operator -am -DskipTests verify} (see docs/benchmarks.md).
 * Each N gets a fresh operator process and a fresh database, dropped afterwards.
 */
public final class TenantApplyBenchmark {
    private static final Duration ALL_READY_TIMEOUT = Duration.ofMinutes(10);

    public static void main(String[] args) throws Exception {
        if (!LocalOperatorProcess.selected("tenant")) {
            return;
        }
        Path jar = LocalOperatorProcess.jar(args);
        String jvmOptions = LocalOperatorProcess.jvmOptions();
        List<Integer> sizes = new ArrayList<>();
        for (String n : System.getProperty("bench.sizes", "100,1000").split(",")) {
            sizes.add(Integer.parseInt(n.trim()));
        }
        List<String> rows = new ArrayList<>();
        for (int n : sizes) {
            rows.add(run(jar, jvmOptions, n, false));
        }
        int paced = Integer.getInteger("bench.paced", 100);
        if (paced > 0) {
            rows.add(run(jar, jvmOptions, paced, true));
        }
        System.out.println();
        System.out.println("| tenants applied | all Ready after | throughput | apply→Ready p50 | p99 | max | operator heap used | operator RSS | API RSS | API writes per tenant | embedding model | CPU operator / API |");
        System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|");
        rows.forEach(System.out::println);
        System.out.println("operator JVM options: " + jvmOptions + "; API: " + System.getProperty("bench.api", "standalone")
                + "; cores: " + Runtime.getRuntime().availableProcessors());
        // the client's event-loop threads would keep this forked JVM alive
        System.exit(0);
    }

    /** The store's newest resourceVersion, which a list answers with. */
    private static long resourceVersion(KubernetesClient client) {
        return Long.parseLong(client.namespaces().list().getMetadata().getResourceVersion());
    }

    /**
     * {@code paced}: apply one Tenant, wait until it is Ready, apply the next — the latency a
     * user sees; otherwise all N are applied at once (8 client threads) — the throughput.
     */
    private static String run(Path jar, String jvmOptions, int n, boolean paced) throws Exception {
        try (LocalOperatorProcess operator = LocalOperatorProcess.start(jar, jvmOptions, "veroforge_bench_" + n)) {
            KubernetesClient client = operator.client();
            Map<String, Long> applied = new ConcurrentHashMap<>();
            Map<String, Long> ready = new ConcurrentHashMap<>();
            SharedIndexInformer<Tenant> informer = operator.watch(Tenant.class, t -> {
                if (t.getStatus() != null && t.getStatus().isTrue("Ready")) {
                    ready.putIfAbsent(t.getMetadata().getName(), System.nanoTime());
                }
            });
            long versionBefore = resourceVersion(client);
            long[] catalogueBefore = operator.catalogue();
            long start = System.nanoTime();
            if (paced) {
                for (int i = 0; i < n; i++) {
                    String name = String.format(Locale.ROOT, "bench-%05d", i);
                    applied.put(name, System.nanoTime());
                    client.resource(LocalOperatorProcess.basicTenant(name)).create();
                    long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                    while (!ready.containsKey(name) && System.nanoTime() < until) {
                        Thread.sleep(1);
                    }
                }
            } else {
                ExecutorService appliers = Executors.newFixedThreadPool(8);
                for (int i = 0; i < n; i++) {
                    String name = String.format(Locale.ROOT, "bench-%05d", i);
                    appliers.submit(() -> {
                        applied.put(name, System.nanoTime());
                        client.resource(LocalOperatorProcess.basicTenant(name)).create();
                    });
                }
                appliers.shutdown();
                appliers.awaitTermination(5, TimeUnit.MINUTES);
            }
            long deadline = System.nanoTime() + ALL_READY_TIMEOUT.toNanos();
            while (ready.size() < n && System.nanoTime() < deadline && operator.alive()) {
                Thread.sleep(50);
            }
            long end = ready.values().stream().mapToLong(Long::longValue).max().orElse(System.nanoTime());
            // every committed write takes one resourceVersion: all writers' but the harness's own creates, per tenant
            double writesPerTenant = (resourceVersion(client) - versionBefore - n) / (double) n;
            informer.close();
            long[] catalogueAfter = operator.catalogue();
            System.out.printf(Locale.ROOT, "%d tenants: PostgreSQL catalogue +%d pg_class rows (%.1f per tenant), +%.1f MiB in pg_catalog (%.1f KiB per tenant)%n",
                    n, catalogueAfter[0] - catalogueBefore[0], (catalogueAfter[0] - catalogueBefore[0]) / (double) n,
                    (catalogueAfter[1] - catalogueBefore[1]) / 1048576.0, (catalogueAfter[1] - catalogueBefore[1]) / 1024.0 / n);
            if (ready.size() < n) {
                throw new IllegalStateException(ready.size() + " of " + n + " tenants Ready after " + ALL_READY_TIMEOUT
                        + "; operator log: " + operator.log());
            }
            List<Long> latencies = new ArrayList<>();
            applied.forEach((name, at) -> latencies.add(ready.get(name) - at));
            Latencies sorted = new Latencies(latencies);
            double seconds = (end - start) / 1e9;
            return String.format(Locale.ROOT, "| %d %s | %.1f s | %.0f tenants/s | %d ms | %d ms | %d ms | %s | %d MiB | %s | %.1f | %s | %s |",
                    n, paced ? "one at a time" : "at once", seconds, n / seconds, sorted.percentileMillis(50), sorted.percentileMillis(99),
                    sorted.maxMillis(), operator.heapUsed(), operator.rssMib(),
                    operator.apiRssMib() < 0 ? "in the operator" : operator.apiRssMib() + " MiB", writesPerTenant,
                    operator.embeddingModelLoaded() ? "loaded" : "not loaded", operator.cpuSeconds());
        }
    }
}
