package io.veroforge.generator.proof;

import io.veroforge.generator.node.CommandRunner;
import io.veroforge.generator.node.SharedNodeModules;
import io.veroforge.generator.synthesize.GeneratedRepository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * Proves that one generated app works, with real npm, tsc, PostgreSQL and Jest: writes it to
 * {@code <root>/<name>}, links the shared installs of its api, ui and mobile projects
 * ({@link SharedNodeModules}), generates the Prisma client, type-checks api, ui and mobile, lints api and ui
 * (their own ESLint configs, {@code --max-warnings=0}), applies
 * the migrations to a fresh database as a non-superuser role without BYPASSRLS, runs the app's own
 * e2e tests (CRUD, roles, tenant isolation, compliance) and builds the UI. The API's steps and the
 * UI's and mobile project's steps run as two lanes side by side; each lane stops at its first failing
 * step, and the report names the first failure (the API's before the UI's) with the tail of that
 * step's output; it never throws for a failing app, so the fuzz benchmark can count failures.
 *
 * <p>Needs node/npm and PostgreSQL on 127.0.0.1:5432 (trust, user postgres). Databases and roles are
 * named per app and per JVM, and dropped afterwards.
 */
public final class AppProof {

    private static final String PSQL_ADMIN = "postgres";

    private final Path root;
    private final CommandRunner runner = new CommandRunner();
    private final SharedNodeModules installs;

    public AppProof(Path root, Path installRoot) {
        this.root = root;
        this.installs = new SharedNodeModules(installRoot, runner);
    }

    /** The standard places: apps under target/generated-apps, shared installs under target/node-modules-cache (or -Dveroforge.nodeModulesCache). */
    public static AppProof standard() {
        Path target = Path.of("target").toAbsolutePath();
        Path installs = Path.of(System.getProperty("veroforge.nodeModulesCache", target.resolve("node-modules-cache").toString()));
        return new AppProof(target.resolve("generated-apps"), installs);
    }

    /** One app's result: seconds per step in order, and the failing step with its output when one failed. */
    public record Report(String app, Map<String, Duration> steps, String failedStep, String failure, Duration wall) {
        public boolean passed() {
            return failedStep == null;
        }

        public Duration total() {
            return steps.values().stream().reduce(Duration.ZERO, Duration::plus);
        }

        public String summary() {
            StringBuilder out = new StringBuilder(String.format("%-24s", app));
            steps.forEach((step, d) -> out.append(String.format(" %s %.1f", step, d.toMillis() / 1000.0)));
            out.append(String.format("  steps %.1f, wall %.1f", total().toMillis() / 1000.0, wall.toMillis() / 1000.0));
            if (!passed()) {
                out.append("  FAILED at ").append(failedStep);
            }
            return out.toString();
        }
    }

    private static final class StepFailed extends Exception {
        final String step;

        StepFailed(String step, String message) {
            super(message, null, false, false);
            this.step = step;
        }
    }

    public Report prove(String name, GeneratedRepository repo) throws IOException, InterruptedException {
        long began = System.nanoTime();
        Path app = root.resolve(name);
        deleteGenerated(app);
        repo.writeTo(app);
        String db = ("vf_proof_" + name.replaceAll("[^a-z0-9]", "_") + "_" + ProcessHandle.current().pid());
        String role = db + "_app";
        Map<String, String> env = Map.of(
                "PRISMA_SCHEMA_ENGINE_BINARY", "/bin/true",
                "DATABASE_URL", "postgresql://" + role + "@127.0.0.1:5432/" + db,
                // the proof shares 2 cores with the UI lane and other tests: a write waits longer for its transaction than a
                // production default should, so a slow machine is not mistaken for a broken app (the app's own setting, see prisma.service.ts)
                "DATABASE_TX_TIMEOUT_MS", "30000",
                "DATABASE_TX_MAX_WAIT_MS", "20000",
                "CI", "true");
        Path api = app.resolve("api");
        Path ui = app.resolve("ui");
        Path mobile = app.resolve("mobile");
        Lane setup = new Lane();
        Lane apiSteps = new Lane();
        Lane uiSteps = null;
        ExecutorService uiLane = Executors.newSingleThreadExecutor(r -> new Thread(r, "app-proof-ui-" + name));
        try {
            link(setup, env, api, ui, mobile);
            if (setup.failure == null) {
                // the UI and mobile projects need nothing of the API's steps, and each step is one mostly single-threaded
                // process: the two lanes side by side use both cores and nearly halve the proof's wall time
                Future<Lane> uiRun = uiLane.submit(() -> uiLane(ui, mobile, env));
                apiLane(apiSteps, app, api, env, db, role);
                uiSteps = awaitLane(uiRun);
            }
        } finally {
            uiLane.shutdownNow();
            dropDatabase(db, role);
        }
        Map<String, Duration> steps = new LinkedHashMap<>(setup.steps);
        steps.putAll(apiSteps.steps);
        StepFailed failure = setup.failure != null ? setup.failure : apiSteps.failure;
        if (uiSteps != null) {
            steps.putAll(uiSteps.steps);
            failure = failure != null ? failure : uiSteps.failure;
        }
        Duration wall = Duration.ofNanos(System.nanoTime() - began);
        return failure == null ? new Report(name, steps, null, null, wall) : new Report(name, steps, failure.step, failure.getMessage(), wall);
    }

    private void link(Lane lane, Map<String, String> env, Path... projects) throws InterruptedException {
        for (Path project : projects) {
            long start = System.nanoTime();
            try {
                installs.link(project, env);
            } catch (IOException e) {
                lane.failed(new StepFailed(project.getFileName() + "-install", e.getMessage()));
                return;
            }
            lane.steps.put(project.getFileName() + "-install", Duration.ofNanos(System.nanoTime() - start));
        }
    }

    /** Prisma client, type check, lint, migrations as the app's role, the app's own e2e tests. */
    private void apiLane(Lane lane, Path app, Path api, Map<String, String> env, String db, String role)
            throws IOException, InterruptedException {
        try {
            apiSteps(lane, app, api, env, db, role);
        } catch (StepFailed e) {
            lane.failed(e);
        }
    }

    private void apiSteps(Lane lane, Path app, Path api, Map<String, String> env, String db, String role)
            throws IOException, InterruptedException, StepFailed {
        step(lane.steps, "prisma-generate", api, env, 120, "npx", "--no-install", "prisma", "generate");
        step(lane.steps, "api-tsc", api, env, 300, "npx", "--no-install", "tsc", "--noEmit");
        // the generated projects' own ESLint configs, no warning allowed: dead code fails the proof like a type error
        step(lane.steps, "api-lint", api, env, 300, "npx", "--no-install", "eslint", ".", "--max-warnings=0");
        long start = System.nanoTime();
        admin("create-db", "DROP DATABASE IF EXISTS " + db + " WITH (FORCE)", "DROP ROLE IF EXISTS " + role,
                "CREATE ROLE " + role + " LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEROLE", "CREATE DATABASE " + db + " OWNER " + role);
        List<Path> migrations;
        try (Stream<Path> files = Files.list(app.resolve("db/migrations"))) {
            migrations = files.filter(p -> p.toString().endsWith(".sql")).sorted().toList();
        }
        if (migrations.isEmpty()) {
            throw new StepFailed("migrate", "no migrations under db/migrations");
        }
        for (Path migration : migrations) {
            check("migrate", runner.run(app, env, 120, "psql", "-h", "127.0.0.1", "-U", role, "-d", db, "-v", "ON_ERROR_STOP=1",
                    "-q", "--single-transaction", "-f", migration.toString()));
        }
        lane.steps.put("migrate", Duration.ofNanos(System.nanoTime() - start));
        step(lane.steps, "api-e2e", api, env, 900, "npm", "run", "test:e2e", "--silent");
    }

    /** Type checks of UI and mobile, the UI's lint and its production build. */
    private Lane uiLane(Path ui, Path mobile, Map<String, String> env) throws IOException, InterruptedException {
        Lane lane = new Lane();
        try {
            step(lane.steps, "ui-tsc", ui, env, 300, "npx", "--no-install", "tsc", "--noEmit");
            step(lane.steps, "mobile-tsc", mobile, env, 300, "npx", "--no-install", "tsc", "--noEmit");
            step(lane.steps, "ui-lint", ui, env, 300, "npx", "--no-install", "eslint", ".", "--max-warnings=0");
            step(lane.steps, "ui-build", ui, env, 300, "npx", "--no-install", "vite", "build", "--logLevel", "error");
            if (!Files.exists(ui.resolve("dist/index.html"))) {
                throw new StepFailed("ui-build", "vite build wrote no dist/index.html");
            }
        } catch (StepFailed e) {
            lane.failed(e);
        }
        return lane;
    }

    /** The UI lane's outcome once it ended (every step has its own time limit); null when it never started. */
    private static Lane awaitLane(Future<Lane> lane) throws InterruptedException {
        if (lane == null) {
            return null;
        }
        try {
            return lane.get();
        } catch (ExecutionException e) {
            Lane broken = new Lane();
            broken.failed(new StepFailed("ui-lane", String.valueOf(e.getCause())));
            return broken;
        }
    }

    private void dropDatabase(String db, String role) throws IOException, InterruptedException {
        for (String sql : List.of("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)", "DROP ROLE IF EXISTS " + role)) {
            CommandRunner.Outcome outcome = runner.run(root, Map.of(), 60, "psql", "-h", "127.0.0.1", "-U", PSQL_ADMIN, "-d", "postgres",
                    "-q", "-c", sql);
            if (!outcome.succeeded()) {
                System.err.println("cleanup: " + outcome.describe());
            }
        }
    }

    /** One lane's steps in the order they ran, and the step that failed, if one did. */
    private static final class Lane {
        final Map<String, Duration> steps = new LinkedHashMap<>();
        StepFailed failure;

        void failed(StepFailed e) {
            failure = e;
        }
    }

    private void step(Map<String, Duration> steps, String name, Path dir, Map<String, String> env, int timeoutSeconds, String... command)
            throws IOException, InterruptedException, StepFailed {
        long start = System.nanoTime();
        check(name, runner.run(dir, env, timeoutSeconds, command));
        steps.put(name, Duration.ofNanos(System.nanoTime() - start));
    }

    private void admin(String step, String... statements) throws IOException, InterruptedException, StepFailed {
        for (String sql : statements) {
            check(step, runner.run(root, Map.of(), 60, "psql", "-h", "127.0.0.1", "-U", PSQL_ADMIN, "-d", "postgres", "-v", "ON_ERROR_STOP=1",
                    "-q", "-c", sql));
        }
    }

    private static void check(String step, CommandRunner.Outcome outcome) throws StepFailed {
        if (!outcome.succeeded()) {
            throw new StepFailed(step, outcome.describe());
        }
    }

    /** Deletes a previous generation of the app (a private node_modules of an older run too, but never what a link points to). */
    private static void deleteGenerated(Path dir) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        List<Path> paths = new ArrayList<>();
        // walk does not follow the node_modules links, so the shared installs are never touched
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.forEach(paths::add);
        }
        paths.sort((a, b) -> b.getNameCount() - a.getNameCount());
        for (Path p : paths) {
            Files.delete(p);
        }
    }
}
