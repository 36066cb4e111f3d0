package io.veroforge.operator.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.veroforge.api.v1alpha1.AppSpec;
import io.veroforge.api.v1alpha1.Generation;
import io.veroforge.api.v1alpha1.StageName;
import io.veroforge.api.v1alpha1.StageState;
import io.veroforge.api.v1alpha1.StageStatus;
import io.veroforge.api.v1alpha1.Tenant;

/**
 * Applies 10-entity AppSpecs (template-only, platform-kept repository, direct deploy) to the
 * operator running as it does for a user ({@code quarkus-run.jar --local}; build Jobs and
 * rollouts completed by the simulated controllers) and measures apply→{@code Succeeded=True} of
 * each AppSpec's first Generation: one at a time (the latency a user sees, with a per-stage
 * breakdown), then many at once across tenants (throughput).
 *
 * <p>Run with {@code ./mvnw -Pbench -pl operator -am -DskipTests verify -Dbench.only=generation}
 * (see docs/benchmarks.md). Tenants are made Ready before any AppSpec is applied and are not
 * timed. Each run gets a fresh operator process and database, dropped afterwards.
 */
public final class GenerationApplyBenchmark {
    private static final Duration ONE_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration ALL_TIMEOUT = Duration.ofMinutes(15);

    /** A retail app of 10 entities with a few fields each and 9 relations; {@code %s}: name, namespace. */
    private static final String RETAIL_APP = """
            apiVersion: veroforge.io/v1alpha1
            kind: AppSpec
            metadata:
              name: %s
              namespace: %s
            spec:
              vertical: retail
              ai:
                enabled: false
              entities:
                - name: Store
                  fields:
                    - {name: name, type: string, required: true, maxLength: 120}
                    - {name: city, type: string}
                    - {name: openedOn, type: date}
                - name: Category
                  fields:
                    - {name: name, type: string, required: true, unique: true}
                    - {name: description, type: text}
                - name: Supplier
                  fields:
                    - {name: name, type: string, required: true}
                    - {name: email, type: email}
                    - {name: phone, type: phone}
                - name: Product
                  fields:
                    - {name: sku, type: string, required: true, unique: true, maxLength: 40}
                    - {name: name, type: string, required: true}
                    - {name: price, type: money, required: true, min: 0}
                    - {name: active, type: boolean}
                  relations:
                    - {name: category, kind: manyToOne, target: Category, required: true}
                    - {name: supplier, kind: manyToOne, target: Supplier}
                - name: Customer
                  fields:
                    - {name: name, type: string, required: true}
                    - {name: email, type: email, unique: true}
                    - {name: loyaltyPoints, type: integer, min: 0}
                - name: SalesOrder
                  fields:
                    - {name: placedAt, type: datetime, required: true}
                    - {name: status, type: enum, values: [open, paid, shipped, cancelled], required: true}
                    - {name: total, type: money, min: 0}
                  relations:
                    - {name: customer, kind: manyToOne, target: Customer}
                    - {name: store, kind: manyToOne, target: Store, required: true}
                - name: OrderLine
                  fields:
                    - {name: quantity, type: integer, required: true, min: 1}
                    - {name: unitPrice, type: money, required: true, min: 0}
                  relations:
                    - {name: salesOrder, kind: manyToOne, target: SalesOrder, required: true}
                    - {name: product, kind: manyToOne, target: Product, required: true}
                - name: StockLevel
                  fields:
                    - {name: onHand, type: integer, required: true, min: 0}
                    - {name: reorderPoint, type: integer, min: 0}
                  relations:
                    - {name: store, kind: manyToOne, target: Store, required: true}
                    - {name: product, kind: manyToOne, target: Product, required: true}
                - name: PurchaseOrder
                  fields:
                    - {name: orderedOn, type: date, required: true}
                    - {name: status, type: enum, values: [draft, sent, received], required: true}
                  relations:
                    - {name: supplier, kind: manyToOne, target: Supplier, required: true}
                - name: Promotion
                  fields:
                    - {name: title, type: string, required: true}
                    - {name: percentOff, type: decimal, min: 0, max: 100}
                    - {name: startsOn, type: date}
                    - {name: endsOn, type: date}
            """;

    /**
     * {@code -Dbench.generation.entities=N} (N > 0): apply an app of N entities instead (3 fields and
     * a relation to the previous one each), to measure the pipeline at the size limit.
     */
    private static final int ENTITIES = Integer.getInteger("bench.generation.entities", 0);

    /** An app of {@code n} entities {@code Thing000}…; {@code %s}: name, namespace. */
    static String wideApp(int n) {
        StringBuilder yaml = new StringBuilder("""
                apiVersion: veroforge.io/v1alpha1
                kind: AppSpec
                metadata:
                  name: %s
                  namespace: %s
                spec:
                  vertical: retail
                  ai:
                    enabled: false
                  entities:
                """);
        for (int i = 0; i < n; i++) {
            yaml.append(String.format(Locale.ROOT, """
                        - name: Thing%03d
                          fields:
                            - {name: title, type: string, required: true, maxLength: 120}
                            - {name: amount, type: money, min: 0}
                            - {name: notes, type: text}
                    """, i));
            if (i > 0) {
                yaml.append(String.format(Locale.ROOT, """
                              relations:
                                - {name: parent, kind: manyToOne, target: Thing%03d}
                        """, i - 1));
            }
        }
        return yaml.toString();
    }

    public static void main(String[] args) throws Exception {
        if (!LocalOperatorProcess.selected("generation")) {
            return;
        }
        Path jar = LocalOperatorProcess.jar(args);
        String jvmOptions = LocalOperatorProcess.jvmOptions();
        int sequential = Integer.getInteger("bench.generation.sequential", 20);
        int apps = Integer.getInteger("bench.generation.apps", 100);
        int tenants = Integer.getInteger("bench.generation.tenants", 20);
        List<String> report = new ArrayList<>();
        if (sequential > 0) {
            report.addAll(oneAtATime(jar, jvmOptions, sequential));
        }
        if (apps > 0) {
            report.addAll(atOnce(jar, jvmOptions, apps, tenants));
        }
        System.out.println();
        report.forEach(System.out::println);
        System.out.println((ENTITIES > 0 ? ENTITIES + "-entity app" : "10-entity retail app") + "; operator JVM options: " + jvmOptions + "; cores: " + Runtime.getRuntime().availableProcessors());
        // the client's event-loop threads would keep this forked JVM alive
        System.exit(0);
    }

    /** {@code n} apps, each in its own Tenant, applied one after the other, each waiting for Succeeded. */
    private static List<String> oneAtATime(Path jar, String jvmOptions, int n) throws Exception {
        try (LocalOperatorProcess operator = LocalOperatorProcess.start(jar, jvmOptions, "veroforge_bench_gen_seq")) {
            List<String> tenantNames = names("bench-s-%03d", n);
            Map<String, String> namespaces = readyTenants(operator, tenantNames);
            GenerationTimes times = new GenerationTimes();
            SharedIndexInformer<Generation> informer = operator.watch(Generation.class, times);
            long start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                String namespace = namespaces.get(tenantNames.get(i));
                String app = String.format(Locale.ROOT, "shop-%03d", i);
                CompletableFuture<Generation> succeeded = times.expect(namespace, app);
                times.applied(namespace, app);
                operator.client().resource(appSpec(app, namespace)).create();
                succeeded.get(ONE_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            informer.close();
            Latencies latencies = times.applyToSucceeded();
            return withStages(times, "| AppSpecs applied | all Succeeded after | apply→Succeeded p50 | p90 | max | operator heap used | operator RSS |",
                    String.format(Locale.ROOT, "| %d one at a time (own tenant each) | %.1f s | %d ms | %d ms | %d ms | %s | %d MiB |",
                            n, seconds, latencies.percentileMillis(50), latencies.percentileMillis(90), latencies.maxMillis(),
                            operator.heapUsed(), operator.rssMib()));
        }
    }

    /** {@code apps} AppSpecs spread over {@code tenants} Ready Tenants, all applied at once by 8 client threads. */
    private static List<String> atOnce(Path jar, String jvmOptions, int apps, int tenants) throws Exception {
        try (LocalOperatorProcess operator = LocalOperatorProcess.start(jar, jvmOptions, "veroforge_bench_gen_" + apps)) {
            List<String> tenantNames = names("bench-c-%03d", tenants);
            Map<String, String> namespaces = readyTenants(operator, tenantNames);
            GenerationTimes times = new GenerationTimes();
            SharedIndexInformer<Generation> informer = operator.watch(Generation.class, times);
            List<CompletableFuture<Generation>> all = new ArrayList<>();
            ExecutorService appliers = Executors.newFixedThreadPool(8);
            long start = System.nanoTime();
            for (int i = 0; i < apps; i++) {
                String namespace = namespaces.get(tenantNames.get(i % tenants));
                // apps of one tenant differ in name; the same names recur across tenants
                String app = String.format(Locale.ROOT, "shop-%03d", i / tenants);
                all.add(times.expect(namespace, app));
                appliers.submit(() -> {
                    times.applied(namespace, app);
                    operator.client().resource(appSpec(app, namespace)).create();
                });
            }
            appliers.shutdown();
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(ALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            double seconds = (times.lastSucceeded() - start) / 1e9;
            informer.close();
            Latencies latencies = times.applyToSucceeded();
            return withStages(times, "| AppSpecs applied | all Succeeded after | throughput | apply→Succeeded p50 | p99 | max | operator heap used | operator RSS |",
                    String.format(Locale.ROOT, "| %d at once across %d tenants | %.1f s | %.0f Generations/min | %d ms | %d ms | %d ms | %s | %d MiB |",
                            apps, tenants, seconds, apps / seconds * 60, latencies.percentileMillis(50), latencies.percentileMillis(99),
                            latencies.maxMillis(), operator.heapUsed(), operator.rssMib()));
        }
    }

    /** A one-row Markdown table (first column left-aligned, the others right), then the run's stage breakdown. */
    private static List<String> withStages(GenerationTimes times, String header, String row) {
        List<String> lines = new ArrayList<>();
        lines.add(header);
        lines.add("|---" + "|---:".repeat((int) header.chars().filter(c -> c == '|').count() - 2) + "|");
        lines.add(row);
        lines.add("");
        lines.addAll(times.stageBreakdown());
        lines.add("");
        return lines;
    }

    /** Applies the Tenants and waits until all are Ready (untimed); their namespaces by Tenant name. */
    private static Map<String, String> readyTenants(LocalOperatorProcess operator, List<String> names) throws Exception {
        Map<String, String> namespaces = new ConcurrentHashMap<>();
        CountDownLatch ready = new CountDownLatch(names.size());
        SharedIndexInformer<Tenant> informer = operator.watch(Tenant.class, t -> {
            if (t.getStatus() != null && t.getStatus().isTrue("Ready") && namespaces.putIfAbsent(t.getMetadata().getName(), t.getStatus().getNamespace()) == null) {
                ready.countDown();
            }
        });
        names.forEach(name -> operator.client().resource(LocalOperatorProcess.basicTenant(name)).create());
        if (!ready.await(5, TimeUnit.MINUTES)) {
            throw new IllegalStateException(namespaces.size() + " of " + names.size() + " tenants Ready; operator log: " + operator.log());
        }
        informer.close();
        return namespaces;
    }

    private static AppSpec appSpec(String name, String namespace) {
        return Serialization.unmarshal(String.format(Locale.ROOT, ENTITIES > 0 ? wideApp(ENTITIES) : RETAIL_APP, name, namespace), AppSpec.class);
    }

    private static List<String> names(String pattern, int n) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            names.add(String.format(Locale.ROOT, pattern, i));
        }
        return names;
    }

    /**
     * What the client sees of each app's first Generation ({@code <app>-1}): when the AppSpec was
     * applied, when the Generation appeared, when each stage was first seen done and when
     * {@code Succeeded=True} arrived (all {@link System#nanoTime()}), and its final status, whose
     * stage timestamps the operator records to the second.
     */
    private static final class GenerationTimes implements Consumer<Generation> {
        private final Map<String, Long> applied = new ConcurrentHashMap<>();
        private final Map<String, Long> created = new ConcurrentHashMap<>();
        private final Map<String, Map<StageName, Long>> stageSeenDone = new ConcurrentHashMap<>();
        private final Map<String, Long> succeededAt = new ConcurrentHashMap<>();
        private final Map<String, CompletableFuture<Generation>> outcomes = new ConcurrentHashMap<>();

        CompletableFuture<Generation> expect(String namespace, String app) {
            return outcomes.computeIfAbsent(key(namespace, app + "-1"), k -> new CompletableFuture<>());
        }

        void applied(String namespace, String app) {
            applied.put(key(namespace, app + "-1"), System.nanoTime());
        }

        @Override
        public void accept(Generation g) {
            long now = System.nanoTime();
            String key = key(g.getMetadata().getNamespace(), g.getMetadata().getName());
            created.putIfAbsent(key, now);
            if (g.getStatus() == null) {
                return;
            }
            Map<StageName, Long> seen = stageSeenDone.computeIfAbsent(key, k -> new ConcurrentHashMap<>());
            for (StageStatus stage : g.getStatus().getStages()) {
                if (stage.getState() == StageState.Succeeded || stage.getState() == StageState.Skipped) {
                    seen.putIfAbsent(stage.getName(), now);
                }
            }
            Condition succeeded = g.getStatus().condition("Succeeded").orElse(null);
            if (succeeded == null) {
                return;
            }
            CompletableFuture<Generation> outcome = outcomes.computeIfAbsent(key, k -> new CompletableFuture<>());
            if ("True".equals(succeeded.getStatus())) {
                succeededAt.putIfAbsent(key, now);
                outcome.complete(g);
            } else if ("False".equals(succeeded.getStatus())) {
                outcome.completeExceptionally(new IllegalStateException("Generation " + key + " failed: " + succeeded.getReason() + ": "
                        + succeeded.getMessage() + "; stage " + g.getStatus().getStage()));
            }
        }

        Latencies applyToSucceeded() {
            List<Long> nanos = new ArrayList<>();
            applied.forEach((key, at) -> nanos.add(succeededAt.get(key) - at));
            return new Latencies(nanos);
        }

        long lastSucceeded() {
            return succeededAt.values().stream().mapToLong(Long::longValue).max().orElseThrow();
        }

        /**
         * Per stage, medians over all apps of: the duration the operator recorded (finishedAt −
         * startedAt, whole seconds), and the time from apply until the client first saw the stage
         * done (milliseconds; stages recorded in the same status write are seen together).
         */
        List<String> stageBreakdown() {
            Map<StageName, List<Long>> recorded = new EnumMap<>(StageName.class);
            Map<StageName, List<Long>> seen = new EnumMap<>(StageName.class);
            Map<String, List<Long>> milestones = new LinkedHashMap<>();
            milestones.put("Generation created (AppSpec reconciled)", new ArrayList<>());
            milestones.put("Succeeded=True seen", new ArrayList<>());
            for (Map.Entry<String, CompletableFuture<Generation>> e : outcomes.entrySet()) {
                String key = e.getKey();
                long appliedAt = applied.get(key);
                for (StageStatus stage : e.getValue().join().getStatus().getStages()) {
                    if (stage.getStartedAt() != null && stage.getFinishedAt() != null) {
                        recorded.computeIfAbsent(stage.getName(), n -> new ArrayList<>()).add(Duration.between(Instant.parse(stage.getStartedAt()),
                                Instant.parse(stage.getFinishedAt())).toNanos());
                    }
                }
                stageSeenDone.getOrDefault(key, Map.of()).forEach((stage, at) -> seen.computeIfAbsent(stage, n -> new ArrayList<>()).add(at - appliedAt));
                milestones.get("Generation created (AppSpec reconciled)").add(created.get(key) - appliedAt);
                milestones.get("Succeeded=True seen").add(succeededAt.get(key) - appliedAt);
            }
            List<String> lines = new ArrayList<>();
            lines.add("| stage | recorded duration, median (s, whole seconds) | max | seen done after apply, median (ms) |");
            lines.add("|---|---:|---:|---:|");
            for (StageName stage : StageName.values()) {
                String duration = recorded.containsKey(stage) ? seconds(new Latencies(recorded.get(stage)).percentileMillis(50)) : "–";
                String max = recorded.containsKey(stage) ? seconds(new Latencies(recorded.get(stage)).maxMillis()) : "–";
                String seenAfter = seen.containsKey(stage) ? new Latencies(seen.get(stage)).percentileMillis(50) + " ms" : "–";
                lines.add("| " + stage + " | " + duration + " | " + max + " | " + seenAfter + " |");
            }
            milestones.forEach((what, nanos) -> lines.add("| " + what + " | | | " + new Latencies(nanos).percentileMillis(50) + " ms |"));
            return lines;
        }

        private static String seconds(long millis) {
            return String.format(Locale.ROOT, "%d s", millis / 1000);
        }

        private static String key(String namespace, String name) {
            return namespace + "/" + name;
        }
    }
}
