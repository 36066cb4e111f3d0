package io.veroforge.generator.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.veroforge.generator.Fixtures;
import io.veroforge.generator.model.ResolvedModel;
import io.veroforge.generator.node.CommandRunner;
import io.veroforge.generator.node.SharedNodeModules;
import io.veroforge.generator.synthesize.GeneratedRepository;
import io.veroforge.generator.synthesize.Synthesizer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The generated API under HTTP load ({@code ./mvnw -Pbench-api-load -pl generator test}; see docs/benchmarks.md):
 * generates the app of {@code bench/api-load-appspec.yaml}, builds it, migrates a fresh database as a role that
 * row-level security binds, seeds {@code bench.api.rows} rows for each of two tenants, starts {@code node dist/main.js}
 * with {@code NODE_ENV=production}, and drives list, get by id, create, update and search with wrk from a second
 * process, {@code bench.api.duration} seconds at each of {@code bench.api.connections}. Also times the list query with
 * EXPLAIN ANALYZE as the app role (tenant set, RLS applies) and as the superuser with a literal tenant filter.
 * Writes {@code target/bench-api-load/results.md}. Fails only if a run had errors or the API would not start.
 */
@Tag("bench")
@EnabledIfSystemProperty(named = "bench.api.rows", matches = "\\d+")
class ApiLoadBenchmark {

    private static final String SECRET = "bench-secret-0123456789abcdef0123456789abcdef";
    private static final String TENANT = "tenant-a";
    private final CommandRunner runner = new CommandRunner();

    @Test
    void theGeneratedApiUnderLoad() throws Exception {
        int rows = Integer.getInteger("bench.api.rows");
        int seconds = Integer.getInteger("bench.api.duration", 30);
        int workers = Integer.getInteger("bench.api.workers", 1);
        int pool = Integer.getInteger("bench.api.pool", 10);
        List<Integer> connections = Arrays.stream(System.getProperty("bench.api.connections", "10,50").split(","))
                .map(String::trim).map(Integer::valueOf).toList();
        Path out = Path.of(System.getProperty("bench.api.out", "target/bench-api-load")).toAbsolutePath();
        Path target = Path.of("target").toAbsolutePath();
        Path installs = Path.of(System.getProperty("veroforge.nodeModulesCache", target.resolve("node-modules-cache").toString()));
        String loadBefore = loadAverage();

        ResolvedModel model = Fixtures.resolveYaml(resource("bench/api-load-appspec.yaml")).model();
        GeneratedRepository repo = new Synthesizer().synthesize(model);
        Path app = out.resolve("app");
        deleteTree(app);
        repo.writeTo(app);
        Path api = app.resolve("api");
        String db = "vf_bench_api_" + ProcessHandle.current().pid();
        String role = db + "_app";
        String url = "postgresql://" + role + "@127.0.0.1:5432/" + db;
        Map<String, String> env = Map.of("PRISMA_SCHEMA_ENGINE_BINARY", "/bin/true", "DATABASE_URL", url, "CI", "true");
        new SharedNodeModules(installs, runner).link(api, env);
        check(runner.run(api, env, 600, "npm", "run", "build", "--silent"));

        Process node = null;
        List<WrkRun> runs = new ArrayList<>();
        List<CpuShares.Usage> usage = new ArrayList<>();
        String explain;
        try {
            admin("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)", "DROP ROLE IF EXISTS " + role,
                    "CREATE ROLE " + role + " LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEROLE", "CREATE DATABASE " + db + " OWNER " + role);
            try (Stream<Path> files = Files.list(app.resolve("db/migrations"))) {
                for (Path m : files.filter(p -> p.toString().endsWith(".sql")).sorted().toList()) {
                    check(runner.run(app, Map.of(), 120, "psql", "-h", "127.0.0.1", "-U", role, "-d", db, "-v", "ON_ERROR_STOP=1", "-q",
                            "--single-transaction", "-f", m.toString()));
                }
            }
            // two tenants, newest rows first in the default order; superuser inserts (RLS is what is measured, not seeding)
            psql("postgres", db, "INSERT INTO gadgets (tenant_id, label, notes, count, code, created_at)"
                    + " SELECT t, 'gadget ' || i, 'notes of gadget ' || i, i, 'c' || (i % 100), now() - i * interval '1 second'"
                    + " FROM generate_series(1, " + rows + ") i, unnest(ARRAY['tenant-a', 'tenant-b']) t; ANALYZE gadgets;");
            List<String> ids = List.of(psql("postgres", db, "SELECT id FROM gadgets WHERE tenant_id = '" + TENANT
                    + "' ORDER BY random() LIMIT 100").strip().split("\n"));
            explain = explain(db, role);

            int port = Integer.getInteger("bench.api.port", 3999);
            Map<String, String> nodeEnv = new HashMap<>(env);
            nodeEnv.putAll(Map.of("NODE_ENV", "production", "PORT", String.valueOf(port), "JWT_SECRET", SECRET, "API_WORKERS",
                    String.valueOf(workers), "DATABASE_POOL_SIZE", String.valueOf(pool), "METRICS_PORT", String.valueOf(port + 1),
                    "VEROFORGE_REVISION", "bench"));
            ProcessBuilder pb = new ProcessBuilder("node", "dist/main.js").directory(api.toFile()).redirectErrorStream(true)
                    .redirectOutput(out.resolve("api.log").toFile());
            pb.environment().putAll(nodeEnv);
            node = pb.start();
            awaitHealth(port, node, out.resolve("api.log"));
            CpuShares cpu = new CpuShares(node.toHandle());

            String token = Hs256Token.sign(SECRET, "bench-user", TENANT, "admin");
            Path scripts = Files.createDirectories(out.resolve("wrk"));
            Map<String, String> endpoints = new java.util.LinkedHashMap<>();
            endpoints.put("GET /health (select 1, no tenant)", script(scripts, "health", token, "wrk.path = '/health'"));
            endpoints.put("GET /gadgets (list, page 1 of 20)", script(scripts, "list", token, "wrk.path = '/gadgets'"));
            endpoints.put("GET /gadgets?count=none (list, no total)", script(scripts, "list-nocount", token, "wrk.path = '/gadgets?count=none'"));
            endpoints.put("GET /gadgets/:id", script(scripts, "get", token, idPicker(ids)
                    + "request = function() return wrk.format('GET', '/gadgets/' .. pick()) end"));
            endpoints.put("POST /gadgets", script(scripts, "create", token,
                    "wrk.method = 'POST'\nwrk.path = '/gadgets'\nwrk.body = '{\"label\":\"made under load\",\"count\":1}'"));
            endpoints.put("PATCH /gadgets/:id", script(scripts, "update", token, idPicker(ids)
                    + "request = function() return wrk.format('PATCH', '/gadgets/' .. pick(), nil, '{\"count\":' .. math.random(1000) .. '}') end"));
            endpoints.put("GET /gadgets?q=gadget 42 (search)", script(scripts, "search", token, "wrk.path = '/gadgets?q=gadget%2042'"));
            List<String> only = List.of(System.getProperty("bench.api.endpoints", "").split(",")).stream().filter(x -> !x.isBlank()).toList();
            for (Map.Entry<String, String> e : endpoints.entrySet()) {
                if (!only.isEmpty() && !only.contains(Path.of(e.getValue()).getFileName().toString().replace(".lua", ""))) {
                    continue;
                }
                wrk(e.getValue(), port, connections.get(0), Math.min(5, seconds)); // warm-up, not reported
                for (int c : connections) {
                    cpu.start();
                    String report = wrk(e.getValue(), port, c, seconds);
                    CpuShares.Usage used = cpu.stop();
                    WrkRun run = WrkRun.parse(e.getKey(), c, report);
                    runs.add(run);
                    usage.add(used);
                    System.out.printf("%-36s c=%-3d %8.0f req/s  p50 %6.1f ms  p99 %6.1f ms  errors %d  cores api/pg/other %s%n", run.endpoint(), c,
                            run.requestsPerSecond(), run.p50Ms(), run.p99Ms(), run.errors(), used.cell());
                }
            }
        } finally {
            if (node != null) {
                node.descendants().forEach(ProcessHandle::destroy);
                node.destroy();
                node.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
                node.descendants().forEach(ProcessHandle::destroyForcibly);
                node.destroyForcibly();
            }
            admin("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)", "DROP ROLE IF EXISTS " + role);
        }
        String results = results(runs, usage, explain, rows, seconds, workers, pool, loadBefore, loadAverage());
        Files.writeString(out.resolve("results.md"), results, StandardCharsets.UTF_8);
        System.out.println(results);
        assertThat(runs).as("runs with errors (see %s)", out).allSatisfy(r -> assertThat(r.errors()).isZero());
    }

    /** EXPLAIN ANALYZE of the default list page, 30 times each way; the median execution times and one plan of each. */
    private String explain(String db, String role) throws Exception {
        String page = "SELECT id, tenant_id, label, notes, count, code, created_at, updated_at FROM gadgets%s ORDER BY created_at DESC, id LIMIT 21";
        StringBuilder asApp = new StringBuilder();
        StringBuilder asSuper = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            asApp.append("BEGIN; SELECT set_config('veroforge.tenant_id', '" + TENANT + "', true);\nEXPLAIN (ANALYZE) ")
                    .append(String.format(page, "")).append(";\nCOMMIT;\n");
            asSuper.append("EXPLAIN (ANALYZE) ").append(String.format(page, " WHERE tenant_id = '" + TENANT + "'")).append(";\n");
        }
        String app = psql(role, db, asApp.toString());
        String sup = psql("postgres", db, asSuper.toString());
        // one more of each for the plan shown (the output of 30 is cut to its tail)
        String appPlan = psql(role, db, "BEGIN; SELECT set_config('veroforge.tenant_id', '" + TENANT + "', true);\nEXPLAIN (ANALYZE) "
                + String.format(page, "") + ";\nCOMMIT;\n");
        String superPlan = psql("postgres", db, "EXPLAIN (ANALYZE) " + String.format(page, " WHERE tenant_id = '" + TENANT + "'") + ";\n");
        return String.format("| list query (page of 20 + 1) | median execution time |%n|---|---|%n| as the app role, RLS on, tenant set | %.3f ms |%n"
                        + "| as superuser, literal `tenant_id = '%s'` | %.3f ms |%n%nPlan as the app role:%n%n```%n%s```%n%nPlan as superuser:%n%n```%n%s```%n",
                median(app), TENANT, median(sup), firstPlan(appPlan), firstPlan(superPlan));
    }

    private static double median(String explainOutput) {
        double[] times = explainOutput.lines().filter(l -> l.contains("Execution Time:"))
                .mapToDouble(l -> Double.parseDouble(l.replaceAll(".*Execution Time: ([0-9.]+) ms.*", "$1"))).sorted().toArray();
        assertThat(times).as("execution times in\n%s", explainOutput).isNotEmpty();
        return times[times.length / 2];
    }

    private static String firstPlan(String explainOutput) {
        StringBuilder plan = new StringBuilder();
        for (String line : explainOutput.lines().toList()) {
            if (line.isBlank() || line.equals("BEGIN") || line.equals("COMMIT") || line.equals(TENANT) || line.startsWith("set_config")) {
                continue;
            }
            plan.append(line).append('\n');
            if (line.contains("Execution Time:")) {
                break;
            }
        }
        return plan.toString();
    }

    private static String idPicker(List<String> ids) {
        return "local ids = {" + String.join(",", ids.stream().map(id -> "'" + id + "'").toList()) + "}\n"
                + "local function pick() return ids[math.random(#ids)] end\n";
    }

    private static String script(Path dir, String name, String token, String body) throws IOException {
        Path file = dir.resolve(name + ".lua");
        Files.writeString(file, "wrk.headers['Authorization'] = 'Bearer " + token + "'\nwrk.headers['Content-Type'] = 'application/json'\n"
                + body + "\n", StandardCharsets.UTF_8);
        return file.toString();
    }

    private String wrk(String script, int port, int connections, int seconds) throws Exception {
        CommandRunner.Outcome o = runner.run(Path.of("."), Map.of(), seconds + 60, "wrk", "-t", "2", "-c", String.valueOf(connections),
                "-d", seconds + "s", "--latency", "--timeout", "10s", "-s", script, "http://127.0.0.1:" + port);
        check(o);
        return o.output();
    }

    private static void awaitHealth(int port, Process node, Path log) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            if (!node.isAlive()) {
                throw new IllegalStateException("the API exited " + node.exitValue() + ":\n" + Files.readString(log));
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the API did not answer /health within 60 s:\n" + Files.readString(log));
    }

    private static String results(List<WrkRun> runs, List<CpuShares.Usage> usage, String explain, int rows, int seconds, int workers, int pool, String loadBefore,
            String loadAfter) throws Exception {
        StringBuilder md = new StringBuilder("# Generated API under load\n\n");
        md.append(String.format("%d rows per tenant, 2 tenants; wrk -t2, %d s per run after a warm-up; API_WORKERS=%d,"
                        + " DATABASE_POOL_SIZE=%d, NODE_ENV=production, node %s; load average before %s, after %s (%d cores)%n%n", rows, seconds,
                workers, pool, version("node", "--version"), loadBefore, loadAfter, Runtime.getRuntime().availableProcessors()));
        md.append("| endpoint | connections | req/s | p50 | p99 | requests | errors | cores: api / postgres / other |\n"
                + "|---|---|---|---|---|---|---|---|\n");
        for (int i = 0; i < runs.size(); i++) {
            WrkRun r = runs.get(i);
            md.append(String.format("| %s | %d | %,.0f | %.1f ms | %.1f ms | %,d | %d | %s |%n", r.endpoint(), r.connections(),
                    r.requestsPerSecond(), r.p50Ms(), r.p99Ms(), r.requests(), r.errors(), usage.get(i).cell()));
        }
        md.append("\n(cores: CPU time per second of the run; the API is node and its workers, postgres every server process,"
                + " other the rest of the machine: wrk, this JVM, anything else running)\n");
        md.append('\n').append(explain);
        return md.toString();
    }

    private static String version(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String v = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        p.waitFor();
        return v;
    }

    private static String loadAverage() throws IOException {
        String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
        return parts[0] + " " + parts[1] + " " + parts[2];
    }

    private String psql(String user, String db, String sql) throws Exception {
        Path file = Files.createTempFile("vf-bench", ".sql");
        try {
            Files.writeString(file, sql, StandardCharsets.UTF_8);
            CommandRunner.Outcome o = runner.run(Path.of("."), Map.of(), 300, "psql", "-h", "127.0.0.1", "-U", user, "-d", db, "-v",
                    "ON_ERROR_STOP=1", "-q", "-At", "-f", file.toString());
            check(o);
            return o.output();
        } finally {
            Files.delete(file);
        }
    }

    private void admin(String... statements) throws Exception {
        for (String sql : statements) {
            psql("postgres", "postgres", sql);
        }
    }

    private static void check(CommandRunner.Outcome o) {
        if (!o.succeeded()) {
            throw new IllegalStateException(o.describe());
        }
    }

    private static String resource(String name) throws IOException {
        try (var in = ApiLoadBenchmark.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("no test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(dir)) {
            paths = new ArrayList<>(walk.toList()); // node_modules is a link: walk does not follow it
        }
        paths.sort((a, b) -> b.getNameCount() - a.getNameCount());
        for (Path p : paths) {
            Files.delete(p);
        }
    }
}
