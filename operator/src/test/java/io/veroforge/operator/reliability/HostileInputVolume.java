package io.veroforge.operator.reliability;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.veroforge.localapi.StandaloneLocalApi;

/**
 * Hostile input at volume (issue 15 §4): {@code hostile} invalid or hostile Tenants and AppSpecs
 * ({@link HostileObjects}) sent to the API as kubectl sends them ({@code fieldValidation=Strict}),
 * with valid Tenants applied alongside, against the deployed operator in its own process. Then:
 * <ul>
 * <li>every object the API refused was refused with a message naming the field;</li>
 * <li>every object it accepted has a status the operator wrote for its current generation, each
 * condition that is not True with a reason and a message;</li>
 * <li>the valid Tenants are Ready;</li>
 * <li>the operator logged no stack trace;</li>
 * <li>no statement PostgreSQL ran in the platform database carries a hostile string unquoted
 * ({@link PostgresStatementLog});</li>
 * <li>no hot loop: over a quiet window after everything was reported, the operator's CPU time,
 * log growth and reconciliations stay small.</li>
 * </ul>
 * {@code main} is the full scenario (1,000 objects, 60 s window); {@link HostileInputVolumeTest}
 * runs a short one.
 */
public final class HostileInputVolume {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern NAMES_PATH = Pattern.compile("\\b(spec|metadata)(\\.[A-Za-z]|\\b)");
    private static final Pattern STACK_FRAME = Pattern.compile("(?m)^\\s+at [A-Za-z_$][\\w$.]*\\(");
    /** A hot loop reconciles continuously; retries with the status backoff (1–60 s) stay far below this. */
    static final double MAX_RECONCILES_PER_OBJECT_MINUTE = 10;
    /** Share of one core the operator may use while nothing changes. */
    static final double MAX_QUIET_CPU_SHARE = 0.2;

    /** How the API answered one object. */
    enum Answer { ACCEPTED, REFUSED_NAMING_FIELD, REFUSED_WITHOUT_FIELD, SERVER_ERROR }

    /** What a run found; {@link #verdict()} is the one line of docs/reliability.md. */
    public record Outcome(int sent, Map<Answer, Integer> answers, Map<String, String> refusalSamples, int accepted, List<String> notReported,
            int valid, long validReady, int stackTraces, PostgresStatementLog.Findings statements, Duration quiet, double quietCpuSeconds,
            long quietLogBytes, double quietReconciles, Duration converged, List<String> badAnswers, long rssMib,
            double reconcilesTotal) {

        public boolean clean() {
            return answers.getOrDefault(Answer.REFUSED_WITHOUT_FIELD, 0) == 0 && answers.getOrDefault(Answer.SERVER_ERROR, 0) == 0
                    && notReported.isEmpty() && validReady == valid && stackTraces == 0 && statements.unquoted().isEmpty()
                    && !hotLoop();
        }

        public boolean hotLoop() {
            double minutes = quiet.toMillis() / 60_000.0;
            return quietCpuSeconds > MAX_QUIET_CPU_SHARE * quiet.toSeconds()
                    || quietReconciles > MAX_RECONCILES_PER_OBJECT_MINUTE * Math.max(1, accepted + valid) * minutes;
        }

        public String verdict() {
            return sent + " hostile objects: " + answers.getOrDefault(Answer.REFUSED_NAMING_FIELD, 0) + " refused naming the field, "
                    + answers.getOrDefault(Answer.REFUSED_WITHOUT_FIELD, 0) + " refused without, "
                    + answers.getOrDefault(Answer.SERVER_ERROR, 0) + " server errors, " + accepted + " accepted ("
                    + (accepted - notReported.size()) + " reported in status, " + notReported.size() + " not, within "
                    + String.format("%.1f", converged.toMillis() / 1000.0) + " s); valid Tenants " + validReady + "/" + valid
                    + " Ready; stack traces " + stackTraces + "; unquoted hostile strings in " + statements.unquoted().size() + " of "
                    + statements.statements() + " statements; quiet " + quiet.toSeconds() + " s: operator CPU "
                    + String.format("%.2f", quietCpuSeconds) + " s, log +" + quietLogBytes + " bytes, "
                    + String.format("%.0f", quietReconciles) + " reconciliations" + (hotLoop() ? " (HOT LOOP)" : "")
                    + " (" + String.format("%.0f", reconcilesTotal) + " in the run)" + "; operator RSS " + rssMib + " MiB"
                    + (notReported.isEmpty() ? "" : "; not reported: " + String.join(" | ", notReported.subList(0, Math.min(5, notReported.size()))))
                    + (badAnswers.isEmpty() ? "" : "; bad answers: " + String.join(" | ", badAnswers.subList(0, Math.min(5, badAnswers.size()))))
                    + (statements.unquoted().isEmpty() ? "" : "; first unquoted: " + statements.unquoted().get(0));
        }
    }

    private HostileInputVolume() {
    }

    public static Outcome run(int hostile, int valid, long seed, Duration converge, Duration quiet) throws Exception {
        String prefix = "hx" + ProcessHandle.current().pid();
        Path dir = Files.createTempDirectory("veroforge-hostile");
        Path serverLog = PostgresStatementLog.serverLog().orElseThrow(() -> new IllegalStateException(
                "no readable /var/log/postgresql/postgresql-<version>-main.log: the unquoted-SQL check needs the server's log"));
        try (StandaloneLocalApi api = StandaloneLocalApi.start(0, dir.resolve("kubeconfig"));
             KubernetesClient client = new KubernetesClientBuilder().withConfig(new ConfigBuilder().withMasterUrl(api.url()).build()).build();
             ScratchDatabase db = ScratchDatabase.create("vf_hostile_" + ProcessHandle.current().pid(), prefix)) {
            PostgresStatementLog statements = PostgresStatementLog.start(serverLog, db.name());
            long logStart = fileSize(Path.of("target", "reliability", "hostile-input.log").toAbsolutePath());
            DeployedOperator operator = DeployedOperator.start("hostile-input", api.url(), db.name(), dir.resolve("git"),
                    Map.of("veroforge.metrics.per-resource", "true"));
            try {
                TenantCensus census = new TenantCensus(client, db, prefix);
                // two valid Tenants first: their namespaces receive the hostile AppSpecs
                List<String> hosts = List.of(prefix + "-v0", prefix + "-v1");
                for (String host : hosts) {
                    client.resource(TenantCensus.basicTenant(host)).create();
                }
                awaitReady(census, hosts, converge);
                List<HostileObjects.Case> cases = new HostileObjects(seed, prefix, hosts.stream().map(h -> "tenant-" + h).toList())
                        .generate(hostile);
                Map<Answer, Integer> answers = new TreeMap<>();
                Map<String, String> samples = new LinkedHashMap<>();
                List<HostileObjects.Case> acceptedCases = new ArrayList<>();
                List<String> bad = new ArrayList<>();
                HttpClient http = HttpClient.newHttpClient();
                int nextValid = hosts.size();
                long burst = System.nanoTime();
                for (int i = 0; i < cases.size(); i++) {
                    HostileObjects.Case c = cases.get(i);
                    Answer answer = send(http, api.url(), c, samples, bad);
                    answers.merge(answer, 1, Integer::sum);
                    if (answer == Answer.ACCEPTED) {
                        acceptedCases.add(c);
                    }
                    // the valid Tenants go in among the hostile ones, not after them
                    if (nextValid < valid && i % Math.max(1, cases.size() / Math.max(1, valid - hosts.size())) == 0) {
                        client.resource(TenantCensus.basicTenant(prefix + "-v" + nextValid++)).create();
                    }
                }
                while (nextValid < valid) {
                    client.resource(TenantCensus.basicTenant(prefix + "-v" + nextValid++)).create();
                }
                List<String> validNames = IntStream.range(0, valid).mapToObj(i -> prefix + "-v" + i).toList();
                List<String> notReported = awaitReported(client, acceptedCases, () -> readyAmong(census, validNames) >= valid, converge);
                Duration converged = Duration.ofNanos(System.nanoTime() - burst);
                long validReady = readyAmong(census, validNames);

                awaitSettled(operator, converge);
                double cpuBefore = operator.cpuSeconds();
                long logBefore = fileSize(operator.log());
                double reconcilesBefore = operator.reconciliationsStarted();
                Thread.sleep(quiet.toMillis());
                double quietCpu = operator.cpuSeconds() - cpuBefore;
                long quietLog = fileSize(operator.log()) - logBefore;
                double quietReconciles = operator.reconciliationsStarted() - reconcilesBefore;
                long rssMib = operator.rssMib();
                double reconcilesTotal = operator.reconciliationsStarted();

                String log = readFrom(operator.log(), logStart);
                int stackTraces = countTraces(log);
                List<String> markers = List.of(HostileObjects.QUOTE_MARKER, HostileObjects.IDENT_MARKER);
                PostgresStatementLog.Findings found = statements.scan(markers);
                statements.stop();
                samples.forEach((label, message) -> System.out.println("  refusal sample: " + label + " -> " + message));
                return new Outcome(cases.size(), answers, samples, acceptedCases.size(), notReported, valid, validReady, stackTraces, found,
                        quiet, quietCpu, quietLog, quietReconciles, converged, bad, rssMib, reconcilesTotal);
            } finally {
                operator.close();
            }
        }
    }

    /** Sends one object as kubectl apply would create it, and classifies the answer. */
    private static Answer send(HttpClient http, String apiUrl, HostileObjects.Case c, Map<String, String> samples, List<String> bad)
            throws IOException, InterruptedException {
        String path = "/apis/veroforge.io/v1alpha1/" + (c.namespace() == null ? "" : "namespaces/" + c.namespace() + "/")
                + (c.kind().equals("Tenant") ? "tenants" : "appspecs") + "?fieldValidation=Strict";
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(apiUrl + path))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(c.body()), StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
        int code = response.statusCode();
        if (code == 200 || code == 201) {
            return Answer.ACCEPTED;
        }
        if (code >= 500) {
            bad.add(c.label() + " (" + c.name() + "): HTTP " + code + " " + abbreviate(response.body()));
            return Answer.SERVER_ERROR;
        }
        JsonNode status = JSON.readTree(response.body());
        String message = status.path("message").asText("");
        samples.putIfAbsent(c.label(), code + " " + abbreviate(message));
        if (namesAField(status, message)) {
            return Answer.REFUSED_NAMING_FIELD;
        }
        bad.add(c.label() + " (" + c.name() + "): HTTP " + code + " without a field: " + abbreviate(message));
        return Answer.REFUSED_WITHOUT_FIELD;
    }

    /** A refusal a user can act on: each cause names its field, or the message names one. */
    static boolean namesAField(JsonNode status, String message) {
        JsonNode causes = status.path("details").path("causes");
        if (causes.isArray() && !causes.isEmpty()) {
            for (JsonNode cause : causes) {
                String field = cause.path("field").asText("");
                boolean named = !field.isEmpty() && !field.equals("<nil>");
                // a rule on the whole object (field <nil>) names its field in the message: "spec is required: …", "metadata.name: …"
                if (!named && !NAMES_PATH.matcher(cause.path("message").asText("")).find()) {
                    return false;
                }
            }
            return true;
        }
        return message.contains("unknown field \"") || NAMES_PATH.matcher(message).find();
    }

    /** Waits until every accepted object has a status for its current generation; returns those that never got one. */
    private static List<String> awaitReported(KubernetesClient client, List<HostileObjects.Case> accepted,
            BooleanSupplier validReady, Duration converge) throws InterruptedException {
        long deadline = System.nanoTime() + converge.toNanos();
        List<String> missing;
        do {
            missing = new ArrayList<>();
            for (HostileObjects.Case c : accepted) {
                String problem = reportProblem(client, c);
                if (problem != null) {
                    missing.add(c.label() + " " + c.name() + ": " + problem);
                }
            }
            if (missing.isEmpty() && validReady.getAsBoolean()) {
                return missing;
            }
            Thread.sleep(500);
        } while (System.nanoTime() < deadline);
        return missing;
    }

    /** Null when the object's status reports its current generation with an explained condition each; else what is missing. */
    static String reportProblem(KubernetesClient client, HostileObjects.Case c) {
        GenericKubernetesResource object = (c.namespace() == null
                ? client.genericKubernetesResources("veroforge.io/v1alpha1", c.kind()).withName(c.name())
                : client.genericKubernetesResources("veroforge.io/v1alpha1", c.kind()).inNamespace(c.namespace()).withName(c.name())).get();
        if (object == null) {
            return "gone";
        }
        JsonNode status = JSON.valueToTree(object.getAdditionalProperties().get("status"));
        if (status == null || status.isNull() || status.path("conditions").isEmpty()) {
            return "no status conditions";
        }
        long generation = object.getMetadata().getGeneration() == null ? 1 : object.getMetadata().getGeneration();
        if (status.path("observedGeneration").asLong(-1) != generation) {
            return "observedGeneration " + status.path("observedGeneration").asText("none") + " for generation " + generation;
        }
        for (JsonNode condition : status.path("conditions")) {
            if (!"True".equals(condition.path("status").asText()) && (condition.path("reason").asText("").isBlank()
                    || condition.path("message").asText("").isBlank())) {
                return "condition " + condition.path("type").asText() + " is " + condition.path("status").asText()
                        + " without a reason and message";
            }
        }
        return null;
    }

    /** Until the operator's log has not grown for 5 s: the Generations of accepted AppSpecs have run their stages. */
    private static void awaitSettled(DeployedOperator operator, Duration within) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        long size = fileSize(operator.log());
        long stableSince = System.nanoTime();
        while (System.nanoTime() < deadline && System.nanoTime() - stableSince < Duration.ofSeconds(5).toNanos()) {
            Thread.sleep(500);
            long now = fileSize(operator.log());
            if (now != size) {
                size = now;
                stableSince = System.nanoTime();
            }
        }
    }

    private static long readyAmong(TenantCensus census, List<String> names) {
        return census.tenants().stream().filter(t -> names.contains(t.getMetadata().getName()))
                .filter(t -> t.getStatus() != null && t.getStatus().isTrue("Ready")).count();
    }

    private static void awaitReady(TenantCensus census, List<String> names, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            if (readyAmong(census, names) == names.size()) {
                return;
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the host Tenants " + names + " did not become Ready within " + within);
    }

    /** Stack traces: runs of consecutive "\tat …(" lines count once. */
    static int countTraces(String log) {
        int traces = 0;
        boolean inTrace = false;
        for (String line : log.split("\n")) {
            boolean frame = STACK_FRAME.matcher(line).find();
            if (frame && !inTrace) {
                traces++;
            }
            inTrace = frame;
        }
        return traces;
    }

    private static long fileSize(Path file) throws IOException {
        return Files.exists(file) ? Files.size(file) : 0;
    }

    private static String readFrom(Path file, long offset) throws IOException {
        byte[] all = Files.readAllBytes(file);
        return new String(all, (int) Math.min(offset, all.length), (int) (all.length - Math.min(offset, all.length)), StandardCharsets.UTF_8);
    }

    private static String abbreviate(String text) {
        String flat = text.replace('\n', ' ');
        return flat.length() > 300 ? flat.substring(0, 300) + "…" : flat;
    }

    /** {@code -Dhostile.n=1000 -Dhostile.valid=20 -Dhostile.seed=1 -Dhostile.quiet-seconds=60}; exits 1 unless clean. */
    public static void main(String[] args) throws Exception {
        int n = Integer.getInteger("hostile.n", 1000);
        int valid = Integer.getInteger("hostile.valid", 20);
        long seed = Long.getLong("hostile.seed", 1L);
        Duration quiet = Duration.ofSeconds(Long.getLong("hostile.quiet-seconds", 60L));
        Outcome outcome = run(n, valid, seed, Duration.ofMinutes(10), quiet);
        System.out.println("hostile input (" + n + " objects, seed " + seed + "): " + outcome.verdict());
        System.exit(outcome.clean() ? 0 : 1);
    }
}
