package io.veroforge.operator.reliability;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.concurrent.TimeUnit;

import io.veroforge.localapi.LocalCheckout;

/**
 * The deployed operator (operator/core's quarkus-app, as the chart's image runs it) in its own
 * process against an API server and a database of the caller's: what a pod is, so it can be
 * killed with SIGKILL and started again the way a Deployment would.
 */
public final class DeployedOperator implements AutoCloseable {
    private static final Duration READY = Duration.ofSeconds(120);

    private final String name;
    private final Process process;
    private final int httpPort;
    private final Path log;

    private DeployedOperator(String name, Process process, int httpPort, Path log) {
        this.name = name;
        this.process = process;
        this.httpPort = httpPort;
        this.log = log;
    }

    /**
     * Starts one and waits until it is ready. {@code settings} are extra system properties
     * (e.g. {@code veroforge.leader-election.enabled}); its log goes to
     * {@code target/reliability/<name>.log}, appended across restarts.
     */
    public static DeployedOperator start(String name, String apiUrl, String database, Path gitRoot, Map<String, String> settings)
            throws IOException, InterruptedException {
        Path jar = LocalCheckout.findRoot().orElseThrow().resolve("operator/core/target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException("build the deployed operator first (the reactor packages operator/core before this module): " + jar);
        }
        int http = freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1"));
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("quarkus.http.port", String.valueOf(http));
        properties.put("quarkus.kubernetes-client.api-server-url", apiUrl);
        properties.put("quarkus.kubernetes-client.namespace", "default");
        properties.put("veroforge.postgres.jdbc-url", "jdbc:postgresql://127.0.0.1:5432/" + database);
        properties.put("veroforge.git.root", gitRoot.toString());
        properties.put("veroforge.git.http-port", "0");
        properties.put("veroforge.git.bind-address", "127.0.0.1");
        properties.put("veroforge.git.public-url", "http://127.0.0.1:{port}");
        properties.putAll(settings); // a scenario may replace any of these (the database behind a proxy, say)
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", jar.toString()));
        Path log = Path.of("target", "reliability", name + ".log").toAbsolutePath();
        Files.createDirectories(log.getParent());
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        DeployedOperator operator = new DeployedOperator(name, process, http, log);
        operator.awaitReady();
        return operator;
    }

    private void awaitReady() throws InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + READY.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + " before it was ready; see " + log);
            }
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(url("/q/health/ready"))).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException starting) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        process.destroyForcibly();
        throw new IllegalStateException(name + " not ready within " + READY + "; see " + log);
    }

    public String name() {
        return name;
    }

    public boolean alive() {
        return process.isAlive();
    }

    public Path log() {
        return log;
    }

    /** SIGKILL: no shutdown hook runs, nothing is closed cleanly. */
    public int kill() throws InterruptedException {
        process.destroyForcibly();
        return process.waitFor();
    }

    /** Reconciliations this process has started, from its own /q/metrics. */
    public double reconciliationsStarted() throws IOException, InterruptedException {
        return metric("operator_sdk_reconciliations_started_total");
    }

    /** The sum of every series of a Prometheus counter or gauge on /q/metrics (0 when absent). */
    public double metric(String name) throws IOException, InterruptedException {
        String body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url("/q/metrics"))).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        return body.lines().filter(l -> l.startsWith(name + "{") || l.startsWith(name + " "))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    /**
     * A Prometheus counter per resource, by its {@code name} label (JOSDK's per-resource metrics),
     * for the series whose {@code kind} label is {@code kind}: how often each Tenant was reconciled.
     */
    public Map<String, Double> metricByName(String metric, String kind) throws IOException, InterruptedException {
        String body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url("/q/metrics"))).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Map<String, Double> byName = new TreeMap<>();
        body.lines().filter(l -> l.startsWith(metric + "{") && l.contains("kind=\"" + kind + "\"")).forEach(l -> {
            Matcher name = NAME_LABEL.matcher(l);
            if (name.find()) {
                byName.merge(name.group(1), Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)), Double::sum);
            }
        });
        return byName;
    }

    private static final Pattern NAME_LABEL = Pattern.compile("[{,]name=\"([^\"]*)\"");

    /** HTTP status of one of the process's health endpoints ({@code live}, {@code ready}), or -1 when it does not answer. */
    public int health(String which) {
        try {
            return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()
                    .send(HttpRequest.newBuilder(URI.create(url("/q/health/" + which))).timeout(Duration.ofSeconds(5)).build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** Resident set size of the process, in MiB. */
    public long rssMib() throws IOException {
        return Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status")).stream()
                .filter(l -> l.startsWith("VmRSS:")).map(l -> Long.parseLong(l.replaceAll("[^0-9]", "")))
                .findFirst().orElse(-1L) / 1024;
    }

    /** CPU time the process has used so far (user + system), in seconds, from /proc. */
    public double cpuSeconds() throws IOException {
        String stat = Files.readString(Path.of("/proc", String.valueOf(process.pid()), "stat"));
        // the fields after the command name, which is in parentheses and may contain spaces
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        return ticks / 100.0; // USER_HZ is 100 on Linux
    }

    private String url(String path) {
        return "http://127.0.0.1:" + httpPort + path;
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
