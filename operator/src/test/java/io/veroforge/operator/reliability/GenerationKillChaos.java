package io.veroforge.operator.reliability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.veroforge.api.v1alpha1.AppSpec;
import io.veroforge.api.v1alpha1.Generation;
import io.veroforge.api.v1alpha1.StageName;
import io.veroforge.api.v1alpha1.StageState;
import io.veroforge.api.v1alpha1.Tenant;
import io.veroforge.localapi.StandaloneLocalApi;

/**
 * The Generation chaos scenario: AppSpecs across Ready Tenants — a share of them publishing to a
 * customer's own Git remote whose {@code main} already holds the customer's work — run their
 * pipelines while the deployed operator is killed with SIGKILL again and again, each time at a
 * seeded random moment inside a seeded stage of some Generation (Commit, Migrate, Build, …), and
 * restarted as a Deployment would. Then every app is regenerated (a new field: Generation 2 and
 * migration version 2) after the customer pushed more work, under more kills. Optionally the Git
 * remote is cut across one of those kills and restored after the restart. Then the census
 * ({@link GenerationCensus}).
 *
 * <p>The apps arrive in waves, one per life of the operator: pipelines take about a second here,
 * so a single burst would be done before the second kill and every later kill would hit an idle
 * operator. {@code main} is the full scenario of docs/reliability.md; the default suite runs a
 * short version ({@link GenerationKillChaosTest}).
 */
public final class GenerationKillChaos {
    /**
     * Stages a kill aims at: the ones that write to Git, PostgreSQL or the API, or wait on what they
     * wrote. Not Verify: here a simulated rollout is usually done before Verify first looks, so it is
     * rarely recorded running and a kill aimed at it would wait for nothing (seed 5 did: 20 s, then
     * a kill with nothing in flight).
     */
    private static final List<StageName> TARGETS = List.of(StageName.Synthesize, StageName.Commit, StageName.Migrate, StageName.Build,
            StageName.Deploy);
    private static final Duration AIM = Duration.ofSeconds(20);

    /** How to run it. {@code remoteEvery}: every n-th app publishes to the customer's remote (0: none). */
    public record Settings(int apps, int tenants, int kills, long seed, int remoteEvery, boolean remoteDown, Duration converge) {
    }

    /** One SIGKILL: when (ms after the first apply), and what it hit. */
    public record Kill(long atMs, StageName aimedAt, String hit, long inFlight) {
        @Override
        public String toString() {
            return atMs + " ms " + (hit == null ? "(aimed at " + aimedAt + ", nothing there)" : "in " + aimedAt + " of " + hit) + ", "
                    + inFlight + " in flight";
        }
    }

    /** What one run found. */
    public record Outcome(GenerationCensus.Result census, List<Kill> kills, Duration sinceApplied, String remoteDown, List<String> lockedOut) {
        public String verdict() {
            return census.verdict() + "; " + kills.size() + " SIGKILLs: " + kills + (remoteDown == null ? "" : "; " + remoteDown)
                    + "; Commits that met a Git lock a kill left (LOCK_FAILURE, retried until it was stale): " + lockedOut.size()
                    + (lockedOut.isEmpty() ? "" : " " + lockedOut)
                    + "; all done " + String.format(Locale.ROOT, "%.1f", sinceApplied.toMillis() / 1000.0) + " s after the first apply";
        }
    }

    private GenerationKillChaos() {
    }

    public static Outcome run(Settings settings) throws Exception {
        String prefix = "gx" + ProcessHandle.current().pid();
        Path dir = Files.createTempDirectory("veroforge-genchaos");
        Random random = new Random(settings.seed());
        try (StandaloneLocalApi api = StandaloneLocalApi.start(0, dir.resolve("kubeconfig"));
             KubernetesClient client = new KubernetesClientBuilder().withConfig(new ConfigBuilder().withMasterUrl(api.url()).build()).build();
             ScratchDatabase db = ScratchDatabase.create("vf_genchaos_" + ProcessHandle.current().pid(), prefix);
             CustomerGitRemote customer = new CustomerGitRemote(dir.resolve("customer"));
             FaultProxy remote = new FaultProxy("127.0.0.1", customer.port())) {
            Path git = dir.resolve("git");
            GenerationCensus census = new GenerationCensus(client, db, git, customer);
            Lives lives = new Lives(api.url(), db.name(), git);
            try {
                List<ChaosApp> apps = prepare(settings, prefix, client, customer, lives);
                long applied = System.nanoTime();
                List<Kill> kills = new ArrayList<>();
                int firstRound = (settings.kills() + 1) / 2;

                // Round 1: first Generations, in waves, one kill each.
                List<List<ChaosApp>> waves = waves(apps, firstRound);
                for (List<ChaosApp> wave : waves) {
                    for (ChaosApp app : wave) {
                        client.resource(app.appSpec(remote.port())).create();
                    }
                    kills.add(killDuring(client, census, apps, lives, random, applied));
                }
                awaitFinished(census, apps, settings.converge());

                // Between the rounds the customer works on main (remote apps): that work must survive Generation 2.
                for (ChaosApp app : apps) {
                    if (app.remoteRepository() != null) {
                        Map<String, String> files = Map.of("docs/customer-notes.md", "# Notes of " + app.name() + "\n\nKept by the customer.\n");
                        app.customerPushed(customer.push(app.remoteRepository(), files, "customer notes"), files);
                    }
                }

                // Round 2: every app regenerated, in waves, one kill each; the remote cut across the first if asked.
                String remoteDown = null;
                List<List<ChaosApp>> edits = waves(apps, settings.kills() - firstRound);
                for (int w = 0; w < edits.size(); w++) {
                    boolean cut = settings.remoteDown() && w == 0 && edits.get(w).stream().anyMatch(a -> a.remoteRepository() != null);
                    if (cut) {
                        remote.cut();
                    }
                    for (ChaosApp app : edits.get(w)) {
                        OnConflictRetry.edit(client, app, a -> app.regenerated(a));
                    }
                    if (cut) {
                        remoteDown = GitRemoteDown.acrossARestart(client, census, edits.get(w), lives, remote, applied, kills);
                    } else {
                        kills.add(killDuring(client, census, apps, lives, random, applied));
                    }
                }
                for (ChaosApp app : apps) {
                    if (app.expectedGenerations() < 2) {
                        OnConflictRetry.edit(client, app, a -> app.regenerated(a)); // fewer kills than waves: the rest unkilled
                    }
                }
                awaitFinished(census, apps, settings.converge());
                Duration since = Duration.ofNanos(System.nanoTime() - applied);
                Outcome outcome = new Outcome(census.count(apps), kills, since, remoteDown, lockedOut(lives.logOfThisRun(), prefix));
                if (outcome.census().clean()) {
                    deleteRecursively(dir);
                } else {
                    System.out.println("generation chaos: the repositories and kubeconfig of this run are kept in " + dir);
                }
                return outcome;
            } finally {
                lives.close();
            }
        }
    }

    /** Ready Tenants (untimed, before any kill), each app's place, and the customer's repositories with their own start. */
    private static List<ChaosApp> prepare(Settings settings, String prefix, KubernetesClient client, CustomerGitRemote customer, Lives lives)
            throws Exception {
        lives.start();
        List<String> namespaces = new ArrayList<>();
        for (int t = 0; t < settings.tenants(); t++) {
            client.resource(TenantCensus.basicTenant(prefix + "-" + t)).create();
        }
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        for (int t = 0; t < settings.tenants(); t++) {
            String name = prefix + "-" + t;
            Tenant tenant;
            while ((tenant = client.resources(Tenant.class).withName(name).get()).getStatus() == null || !tenant.getStatus().isTrue("Ready")) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Tenant " + name + " not Ready before the chaos started: " + tenant.getStatus());
                }
                Thread.sleep(200);
            }
            namespaces.add(tenant.getStatus().getNamespace());
            client.resource(new SecretBuilder().withNewMetadata().withName(CustomerGitRemote.SECRET).withNamespace(tenant.getStatus().getNamespace())
                    .endMetadata().addToStringData("username", CustomerGitRemote.USER).addToStringData("password", CustomerGitRemote.TOKEN).build())
                    .create();
        }
        List<ChaosApp> apps = new ArrayList<>();
        for (int i = 0; i < settings.apps(); i++) {
            String namespace = namespaces.get(i % namespaces.size());
            String name = String.format(Locale.ROOT, "shop-%02d", i);
            boolean remote = settings.remoteEvery() > 0 && i % settings.remoteEvery() == settings.remoteEvery() - 1;
            ChaosApp app = new ChaosApp(namespace, name, remote ? namespace + "-" + name : null);
            if (remote) {
                Map<String, String> files = Map.of("CUSTOMER.md", "# " + name + "\n\nThe customer's own repository, before VeroForge.\n");
                customer.create(app.remoteRepository(), Map.of());
                app.customerPushed(customer.push(app.remoteRepository(), files, "the customer's own start"), files);
            }
            apps.add(app);
        }
        return apps;
    }

    /**
     * Aims one SIGKILL: picks a stage (seeded), waits until some unfinished Generation of the run
     * is in it, waits a random 0–250 ms more (seeded: into the stage's work, not at its edge),
     * kills and starts the operator again. If none gets there within {@link #AIM}, kills anyway.
     */
    private static Kill killDuring(KubernetesClient client, GenerationCensus census, List<ChaosApp> apps, Lives lives, Random random, long applied)
            throws Exception {
        StageName target = TARGETS.get(random.nextInt(TARGETS.size()));
        int jitter = random.nextInt(250);
        Optional<String> hit = awaitStage(client, apps, target, AIM);
        Thread.sleep(jitter);
        long at = Duration.ofNanos(System.nanoTime() - applied).toMillis();
        lives.kill();
        long inFlight = inFlight(census, apps); // only the operator writes a Generation's status: it stays as the kill left it
        lives.start();
        return new Kill(at, target, hit.orElse(null), inFlight);
    }

    /**
     * The first unfinished Generation of the run seen running {@code stage}: from a watch, which
     * sees every status write (a stage of a few milliseconds between two polls would be missed).
     */
    static Optional<String> awaitStage(KubernetesClient client, List<ChaosApp> apps, StageName stage, Duration within) throws InterruptedException {
        Set<String> namespaces = apps.stream().map(ChaosApp::namespace).collect(Collectors.toSet());
        CompletableFuture<String> seen = new CompletableFuture<>();
        Watcher<Generation> lookout = new Watcher<>() {
            @Override
            public void eventReceived(Action action, Generation g) {
                if (namespaces.contains(g.getMetadata().getNamespace()) && g.getStatus() != null && g.getStatus().getStage() == stage
                        && !GenerationCensus.finished(g)
                        && g.getStatus().getStages().stream().anyMatch(s -> s.getName() == stage && s.getState() == StageState.Running)) {
                    seen.complete(g.getMetadata().getNamespace() + "/" + g.getMetadata().getName());
                }
            }

            @Override
            public void onClose(WatcherException cause) {
                seen.complete(null);
            }
        };
        try (Watch watch = client.resources(Generation.class).inAnyNamespace().watch(lookout)) {
            return Optional.ofNullable(seen.get(within.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException | ExecutionException e) {
            return Optional.empty();
        }
    }

    /** Generations of the run not finished: what a kill interrupts. */
    static long inFlight(GenerationCensus census, List<ChaosApp> apps) {
        return apps.stream().flatMap(a -> census.generationsOf(a).stream()).filter(g -> !GenerationCensus.finished(g)).count();
    }

    /** Waits until every app has its expected Generations and each has finished (or the time is up: the census says what is left). */
    static void awaitFinished(GenerationCensus census, List<ChaosApp> apps, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            boolean done = true;
            for (ChaosApp app : apps) {
                List<Generation> generations = census.generationsOf(app);
                if (generations.size() < app.expectedGenerations() || !generations.stream().allMatch(GenerationCensus::finished)) {
                    done = false;
                    break;
                }
            }
            if (done) {
                return;
            }
            Thread.sleep(250);
        }
    }

    /**
     * The Generations whose Commit failed with LOCK_FAILURE in this run: a ref's lock file left by a
     * process killed between JGit's lock and rename (seed 3 of the short version left two on
     * {@code main}); they must go on once it is stale, which the census shows.
     */
    static List<String> lockedOut(String log, String prefix) {
        Matcher m = LOCKED_OUT.matcher(log);
        Set<String> generations = new TreeSet<>();
        while (m.find()) {
            if (m.group(1).contains(prefix)) {
                generations.add(m.group(1));
            }
        }
        return List.copyOf(generations);
    }

    private static final Pattern LOCKED_OUT = Pattern.compile("Generation (\\S+), stage Commit: (?:still )?GitUnavailable: [^\\n]*LOCK_FAILURE");

    private static void deleteRecursively(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** {@code apps} in {@code n} waves of about equal size (the remainder spread over the first). */
    static List<List<ChaosApp>> waves(List<ChaosApp> apps, int n) {
        List<List<ChaosApp>> waves = new ArrayList<>();
        if (n <= 0) {
            return waves;
        }
        for (int w = 0; w < n; w++) {
            waves.add(new ArrayList<>());
        }
        for (int i = 0; i < apps.size(); i++) {
            waves.get(i * n / apps.size()).add(apps.get(i));
        }
        waves.removeIf(List::isEmpty);
        return waves;
    }

    /** The operator's successive processes: one alive at a time, as a Deployment of one replica keeps it. */
    static final class Lives implements AutoCloseable {
        private final String apiUrl;
        private final String database;
        private final Path git;
        private DeployedOperator current;
        /** Where this run's part of the log (appended across runs) begins. */
        private long logStart = -1;

        Lives(String apiUrl, String database, Path git) {
            this.apiUrl = apiUrl;
            this.database = database;
            this.git = git;
        }

        void start() throws Exception {
            if (logStart < 0) {
                Path log = Path.of("target", "reliability", "chaos-generations.log").toAbsolutePath();
                logStart = Files.exists(log) ? Files.size(log) : 0;
            }
            current = DeployedOperator.start("chaos-generations", apiUrl, database, git, Map.of());
        }

        /** What the operator logged during this run, across its lives. */
        String logOfThisRun() throws IOException {
            byte[] all = Files.readAllBytes(current.log());
            return logStart >= all.length ? "" : new String(all, (int) logStart, all.length - (int) logStart, StandardCharsets.UTF_8);
        }

        void killAndRestart() throws Exception {
            kill();
            start();
        }

        void kill() throws InterruptedException {
            current.kill();
        }

        /** The operator's log, appended across its lives. */
        Path log() {
            return current.log();
        }

        @Override
        public void close() throws InterruptedException {
            if (current != null) {
                current.close();
            }
        }
    }

    /** Edits an AppSpec the way kubectl edit would: read, change, replace, again on a 409. */
    static final class OnConflictRetry {
        private OnConflictRetry() {
        }

        static void edit(KubernetesClient client, ChaosApp app, UnaryOperator<AppSpec> change) throws InterruptedException {
            for (int attempt = 0; ; attempt++) {
                try {
                    client.resources(AppSpec.class).inNamespace(app.namespace()).withName(app.name()).edit(change);
                    return;
                } catch (KubernetesClientException e) {
                    if (e.getCode() != 409 || attempt > 20) {
                        throw e;
                    }
                    Thread.sleep(50);
                }
            }
        }
    }

    /**
     * {@code -Dchaos.apps=50 -Dchaos.tenants=10 -Dchaos.kills=10 -Dchaos.seed=1 -Dchaos.remote-every=3
     * -Dchaos.git-remote-down=true}; exits 1 unless the census is clean.
     */
    public static void main(String[] args) throws Exception {
        Settings settings = new Settings(Integer.getInteger("chaos.apps", 50), Integer.getInteger("chaos.tenants", 10),
                Integer.getInteger("chaos.kills", 10), Long.getLong("chaos.seed", 1L), Integer.getInteger("chaos.remote-every", 3),
                Boolean.parseBoolean(System.getProperty("chaos.git-remote-down", "true")), Duration.ofMinutes(10));
        Outcome outcome = run(settings);
        System.out.println("generation chaos (" + settings.apps() + " apps across " + settings.tenants() + " tenants, seed " + settings.seed() + "): "
                + outcome.verdict());
        System.exit(outcome.census().clean() ? 0 : 1);
    }
}
