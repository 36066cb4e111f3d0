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
import java.util.stream.Stream;

/**
 * Proves that one generated app works, with real npm, tsc, PostgreSQL and Jest: writes it to
 * {@code <root>/<name>}, links the shared installs of its api, ui and mobile projects
 * ({@link SharedNodeModules}), generates the Prisma client, type-checks api, ui and mobile, lints api and ui
 * (their own ESLint configs, {@code --max-warnings=0}), applies
 * the migrations to a fresh database as a non-superuser role without BYPASSRLS, runs the app's own
 * e2e tests (CRUD, roles, tenant isolation, compliance) and builds the UI. It stops at the first
 * failing step and reports it with the tail of that step's output; it never throws for a failing
 * app, so the fuzz benchmark can count failures.
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
    public record Report(String app, Map<String, Duration> steps, String failedStep, String failure) {
        public boolean passed() {
            return failedStep == null;
        }

        public Duration total() {
            return steps.values().stream().reduce(Duration.ZERO, Duration::plus);
        }

        public String summary() {
            StringBuilder out = new StringBuilder(String.format("%-24s", app));
            steps.forEach((step, d) -> out.append(String.format(" %s %.1f", step, d.toMillis() / 1000.0)));
            out.append(String.format("  total %.1f", total().toMillis() / 1000.0));
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
        Path app = root.resolve(name);
        deleteGenerated(app);
        repo.writeTo(app);
        Map<String, Duration> steps = new LinkedHashMap<>();
        String db = ("vf_proof_" + name.replaceAll("[^a-z0-9]", "_") + "_" + ProcessHandle.current().pid());
        String role = db + "_app";
        Map<String, String> env = Map.of(
                "PRISMA_SCHEMA_ENGINE_BINARY", "/bin/true",
                "DATABASE_URL", "postgresql://" + role + "@127.0.0.1:5432/" + db,
                "CI", "true");
        Path api = app.resolve("api");
        Path ui = app.resolve("ui");
        Path mobile = app.resolve("mobile");
        try {
            for (Path project : List.of(api, ui, mobile)) {
                long start = System.nanoTime();
                try {
                    installs.link(project, env);
                } catch (IOException e) {
                    throw new StepFailed(project.getFileName() + "-install", e.getMessage());
                }
                steps.put(project.getFileName() + "-install", Duration.ofNanos(System.nanoTime() - start));
            }
            step(steps, "prisma-generate", api, env, 120, "npx", "--no-install", "prisma", "generate");
            step(steps, "api-tsc", api, env, 300, "npx", "--no-install", "tsc", "--noEmit");
            step(steps, "ui-tsc", ui, env, 300, "npx", "--no-install", "tsc", "--noEmit");
            step(steps, "mobile-tsc", mobile, env, 300, "npx", "--no-install", "tsc", "--noEmit");
            // the generated projects' own ESLint configs, no warning allowed: dead code fails the proof like a type error
            step(steps, "api-lint", api, env, 300, "npx", "--no-install", "eslint", ".", "--max-warnings=0");
            step(steps, "ui-lint", ui, env, 300, "npx", "--no-install", "eslint", ".", "--max-warnings=0");
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
            steps.put("migrate", Duration.ofNanos(System.nanoTime() - start));
            step(steps, "api-e2e", api, env, 900, "npm", "run", "test:e2e", "--silent");
            step(steps, "ui-build", ui, env, 300, "npx", "--no-install", "vite", "build", "--logLevel", "error");
            if (!Files.exists(ui.resolve("dist/index.html"))) {
                throw new StepFailed("ui-build", "vite build wrote no dist/index.html");
            }
            return new Report(name, steps, null, null);
        } catch (StepFailed e) {
            return new Report(name, steps, e.step, e.getMessage());
        } finally {
            for (String sql : List.of("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)", "DROP ROLE IF EXISTS " + role)) {
                CommandRunner.Outcome outcome = runner.run(root, Map.of(), 60, "psql", "-h", "127.0.0.1", "-U", PSQL_ADMIN, "-d", "postgres",
                        "-q", "-c", sql);
                if (!outcome.succeeded()) {
                    System.err.println("cleanup: " + outcome.describe());
                }
            }
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
