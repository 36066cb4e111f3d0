package io.veroforge.generator.synthesize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import io.veroforge.generator.Fixtures;
import io.veroforge.generator.resolve.Resolution;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Proof that generated apps work: for apps of three verticals, and parts-depot (a spec written the
 * way people outside the team write them: patterns, ranges, formats, unique values, a self-relation,
 * card data by name, an ontology entity with declared fields, snake_case names), generate into
 * {@code target/generated-apps/<name>}, then with real npm, tsc and PostgreSQL: install, prisma
 * generate, type-check API and UI, apply the migrations to a fresh database as a non-superuser
 * role, run the app's own e2e tests (CRUD, roles, tenant isolation, compliance) and build the UI.
 * A failing step fails with the tail of the step's own output.
 *
 * <p>Needs node/npm and PostgreSQL on 127.0.0.1:5432 (trust, user postgres). Skip with
 * {@code -DskipApps}. npm's cache is {@code ~/.npm} unless {@code npm_config_cache} says otherwise;
 * all apps pin identical versions, so after the first install the others come from the cache.
 */
@Tag("generated-apps")
@DisabledIfSystemProperty(named = "skipApps", matches = ".*")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GeneratedAppsWorkTest {

    private static final Path ROOT = Path.of("target", "generated-apps").toAbsolutePath();
    private static final String PSQL_ADMIN = "postgres";
    private final Map<String, Map<String, Duration>> timings = new LinkedHashMap<>();

    @BeforeAll
    void clean() throws IOException {
        Files.createDirectories(ROOT);
    }

    @AfterAll
    void printTimings() {
        StringBuilder out = new StringBuilder("\ngenerated apps, seconds per step:\n");
        timings.forEach((app, steps) -> {
            out.append(String.format("  %-16s", app));
            steps.forEach((step, d) -> out.append(String.format(" %s %.1f", step, d.toMillis() / 1000.0)));
            out.append(String.format("  total %.1f%n", steps.values().stream().mapToLong(Duration::toMillis).sum() / 1000.0));
        });
        System.out.println(out);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"pest-control-sparse.yaml", "clinic.yaml", "retail-store.yaml", "parts-depot.yaml", "academy-links.yaml"})
    void generatedAppInstallsTypeChecksPassesItsTestsAndBuilds(String spec) throws Exception {
        Resolution resolution = Fixtures.resolveResource(spec);
        assertThat(resolution.errors()).as("the spec resolves").isEmpty();
        GeneratedRepository repo = new Synthesizer().synthesize(resolution.model());
        String name = resolution.model().name();
        Path app = ROOT.resolve(name);
        deleteTree(app, true);
        repo.writeTo(app);
        Map<String, Duration> steps = new LinkedHashMap<>();
        timings.put(name, steps);

        // Unique per JVM: parallel runs (worktrees, sessions) never share a database.
        String db = "vf_test_" + name.replace('-', '_') + "_" + ProcessHandle.current().pid();
        String role = db + "_app";
        Map<String, String> env = Map.of(
                "PRISMA_SCHEMA_ENGINE_BINARY", "/bin/true",
                "DATABASE_URL", "postgresql://" + role + "@127.0.0.1:5432/" + db,
                "CI", "true");
        Path api = app.resolve("api");
        Path ui = app.resolve("ui");
        try {
            step(steps, "npm-install", api, env, 600, "npm", "install", "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error");
            step(steps, "ui-npm-install", ui, env, 600, "npm", "install", "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error");
            step(steps, "prisma-generate", api, env, 120, "npx", "--no-install", "prisma", "generate");
            step(steps, "api-tsc", api, env, 300, "npx", "--no-install", "tsc", "--noEmit");
            step(steps, "ui-tsc", ui, env, 300, "npx", "--no-install", "tsc", "--noEmit");
            psql(steps, "create-db", "postgres", PSQL_ADMIN, "DROP DATABASE IF EXISTS " + db, "DROP ROLE IF EXISTS " + role,
                    "CREATE ROLE " + role + " LOGIN NOSUPERUSER NOBYPASSRLS", "CREATE DATABASE " + db + " OWNER " + role);
            List<Path> migrations;
            try (Stream<Path> files = Files.list(app.resolve("db/migrations"))) {
                migrations = files.filter(p -> p.toString().endsWith(".sql")).sorted().toList();
            }
            assertThat(migrations).isNotEmpty();
            long start = System.nanoTime();
            for (Path migration : migrations) {
                run(app, env, 120, "psql", "-h", "127.0.0.1", "-U", role, "-d", db, "-v", "ON_ERROR_STOP=1", "-q", "--single-transaction",
                        "-f", migration.toString());
            }
            steps.put("migrate", Duration.ofNanos(System.nanoTime() - start));
            step(steps, "api-e2e", api, env, 600, "npm", "run", "test:e2e", "--silent");
            step(steps, "ui-build", ui, env, 300, "npx", "--no-install", "vite", "build", "--logLevel", "error");
            assertThat(ui.resolve("dist/index.html")).exists();
        } finally {
            psqlQuietly("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)", "DROP ROLE IF EXISTS " + role);
        }
    }

    private void step(Map<String, Duration> steps, String name, Path dir, Map<String, String> env, int timeoutSeconds, String... command)
            throws Exception {
        long start = System.nanoTime();
        run(dir, env, timeoutSeconds, command);
        steps.put(name, Duration.ofNanos(System.nanoTime() - start));
    }

    private void psql(Map<String, Duration> steps, String name, String database, String user, String... statements) throws Exception {
        long start = System.nanoTime();
        for (String sql : statements) {
            run(ROOT, Map.of(), 60, "psql", "-h", "127.0.0.1", "-U", user, "-d", database, "-v", "ON_ERROR_STOP=1", "-q", "-c", sql);
        }
        steps.put(name, Duration.ofNanos(System.nanoTime() - start));
    }

    private void psqlQuietly(String... statements) {
        for (String sql : statements) {
            try {
                run(ROOT, Map.of(), 60, "psql", "-h", "127.0.0.1", "-U", PSQL_ADMIN, "-d", "postgres", "-q", "-c", sql);
            } catch (Exception | AssertionError e) {
                System.err.println("cleanup: " + sql + ": " + e.getMessage());
            }
        }
    }

    /** Runs a command; on failure or timeout fails with the command and the tail of its output. */
    private static void run(Path dir, Map<String, String> env, int timeoutSeconds, String... command) throws Exception {
        File log = Files.createTempFile("vf-step", ".log").toFile();
        try {
            ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log);
            pb.environment().putAll(env);
            Process p = pb.start();
            boolean done = p.waitFor(timeoutSeconds, TimeUnit.SECONDS);
            if (!done) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
            }
            if (!done || p.exitValue() != 0) {
                String output = Files.readString(log.toPath(), StandardCharsets.UTF_8);
                String tail = output.length() > 6000 ? "…" + output.substring(output.length() - 6000) : output;
                fail(String.join(" ", command) + " in " + dir + (done ? " exited " + p.exitValue() : " timed out after " + timeoutSeconds + "s")
                        + ", its output:\n" + tail);
            }
        } finally {
            log.delete();
        }
    }

    /** Deletes a previous generation but keeps node_modules (and the npm work it holds) for fast reruns. */
    private static void deleteTree(Path dir, boolean keepNodeModules) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        List<Path> paths = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.filter(p -> !(keepNodeModules && dir.relativize(p).toString().contains("node_modules"))).forEach(paths::add);
        }
        paths.sort((a, b) -> b.getNameCount() - a.getNameCount());
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> children = Files.list(p)) {
                    if (children.findAny().isPresent()) {
                        continue;
                    }
                }
            }
            Files.deleteIfExists(p);
        }
    }
}
