package io.veroforge.generator.bench;

import io.veroforge.generator.GenerationPipeline;
import io.veroforge.generator.GenerationResult;
import io.veroforge.generator.model.ResolvedModel;
import io.veroforge.generator.synthesize.GeneratedRepository;
import io.veroforge.generator.synthesize.Synthesizer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Template-only generation of a 20-entity model, in-process (full pipeline, and synthesize alone),
 * as a cold CLI process, and JHipster generating the equivalent JDL, side by side on one machine.
 * Run with {@code ./mvnw -Pbench -pl generator verify}; results go to stdout and
 * {@code target/bench/results.md}. Not a test: numbers, no assertions.
 *
 * <p>System properties: {@code bench.warmup} (20), {@code bench.runs} (30), {@code bench.cliRuns} (3),
 * {@code bench.jhipster.version} (8.11.0, the newest whose engines accept Node 20), {@code bench.jhipster.runs} (3),
 * {@code bench.jhipster.skip} (false), {@code bench.cache} (~/.cache/veroforge-bench: where JHipster is installed),
 * {@code bench.out} (target/bench), {@code bench.cliJar} (the shaded CLI jar).
 */
public final class GeneratorBenchmark {

    private static final String SPEC = "bench/facility-ops-20.yaml";

    private GeneratorBenchmark() {
    }

    /** Median and 90th percentile of one measurement, in milliseconds. */
    record Stats(double median, double p90, int runs) {
        static Stats of(List<Long> nanos) {
            List<Long> sorted = nanos.stream().sorted().toList();
            return new Stats(ms(percentile(sorted, 50)), ms(percentile(sorted, 90)), sorted.size());
        }

        private static long percentile(List<Long> sorted, int p) {
            if (sorted.size() % 2 == 0 && p == 50) {
                return (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2;
            }
            int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
            return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
        }

        private static double ms(long nanos) {
            return nanos / 1_000_000.0;
        }
    }

    record Output(long files, long bytes) {
        static Output of(Path root) throws IOException {
            try (Stream<Path> walk = Files.walk(root)) {
                List<Path> files = walk.filter(Files::isRegularFile)
                        .filter(p -> !root.relativize(p).toString().matches("(node_modules|\\.git|target)(/.*)?|app\\.jdl|.*\\.log")).toList();
                long bytes = 0;
                for (Path f : files) {
                    bytes += Files.size(f);
                }
                return new Output(files.size(), bytes);
            }
        }
    }

    public static void main(String[] args) throws Exception {
        int warmup = Integer.getInteger("bench.warmup", 20);
        int runs = Integer.getInteger("bench.runs", 30);
        Path out = Path.of(System.getProperty("bench.out", "target/bench")).toAbsolutePath();
        Files.createDirectories(out);
        String yaml = resource(SPEC);
        Path specFile = out.resolve("facility-ops-20.yaml");
        Files.writeString(specFile, yaml);

        StringBuilder report = new StringBuilder();
        report.append("machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores, ")
                .append(System.getProperty("java.vm.name")).append(' ').append(System.getProperty("java.version")).append(", max heap ")
                .append(Runtime.getRuntime().maxMemory() / (1024 * 1024)).append(" MiB, system load average at start ")
                .append(String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage())).append("\n\n");

        // ---- in-process: the full pipeline, then synthesize alone ----
        GenerationPipeline pipeline = new GenerationPipeline();
        GenerationResult first = pipeline.generate(yaml, "facility-ops-20.yaml");
        if (first.outcome() != GenerationResult.Outcome.GENERATED) {
            throw new IllegalStateException("benchmark spec did not generate cleanly: " + first.outcome() + " " + first.errors()
                    + (first.scanReport() == null ? "" : " " + first.scanReport().summary()));
        }
        List<Long> synthesizeStage = new ArrayList<>();
        List<Long> scanStage = new ArrayList<>();
        Stats full = measure(warmup, runs, () -> {
            GenerationResult r = pipeline.generate(yaml, "facility-ops-20.yaml");
            synthesizeStage.add(r.timings().synthesize().toNanos());
            scanStage.add(r.timings().scan().toNanos());
            return r;
        });
        // the measured runs only (the warmup runs were recorded first)
        Stats synthesizeInPipeline = Stats.of(synthesizeStage.subList(warmup, synthesizeStage.size()));
        Stats scanInPipeline = Stats.of(scanStage.subList(warmup, scanStage.size()));

        ResolvedModel model = first.model();
        Synthesizer synthesizer = new Synthesizer();
        Stats synthesizeOnly = measure(warmup, runs, () -> synthesizer.synthesize(model));

        GeneratedRepository repository = first.repository();
        Path veroforgeOut = out.resolve("veroforge");
        deleteTree(veroforgeOut);
        repository.writeTo(veroforgeOut);
        Output veroforgeOutput = new Output(repository.files().size(), repository.bytes());

        // ---- the CLI as a cold process (JVM start, analyze…scan, write) ----
        Stats cli = null;
        Path cliJar = cliJar();
        if (cliJar != null) {
            List<Long> cliRuns = new ArrayList<>();
            for (int i = 0; i < Integer.getInteger("bench.cliRuns", 3); i++) {
                Path dir = out.resolve("veroforge-cli");
                deleteTree(dir);
                long start = System.nanoTime();
                // the CLI as shipped: bin/veroforge-generator next to target/ (JVM flags for a short-lived process)
                Path launcher = cliJar.toAbsolutePath().getParent().getParent().resolve("bin/veroforge-generator");
                run(List.of("sh", launcher.toString(), "generate", "-f", specFile.toString(), "-o", dir.toString()), out,
                        out.resolve("veroforge-cli.log"));
                cliRuns.add(System.nanoTime() - start);
            }
            cli = Stats.of(cliRuns);
        }

        // ---- JHipster on the equivalent JDL ----
        String jdl = JdlWriter.jdl(model, "facilityOps");
        Path jdlFile = out.resolve("app.jdl");
        Files.writeString(jdlFile, jdl);
        Stats jhipster = null;
        Output jhipsterOutput = null;
        String jhipsterVersion = System.getProperty("bench.jhipster.version", "8.11.0");
        String jhipsterProblem = null;
        if (!Boolean.getBoolean("bench.jhipster.skip")) {
            try {
                Path bin = installJHipster(jhipsterVersion);
                List<Long> jhRuns = new ArrayList<>();
                Path dir = out.resolve("jhipster");
                for (int i = 0; i < Integer.getInteger("bench.jhipster.runs", 3); i++) {
                    deleteTree(dir);
                    Files.createDirectories(dir);
                    Files.writeString(dir.resolve("app.jdl"), jdl);
                    long start = System.nanoTime();
                    run(List.of(bin.toString(), "jdl", "app.jdl", "--skip-install", "--skip-git", "--force", "--no-insight"), dir,
                            out.resolve("jhipster-run-" + (i + 1) + ".log"));
                    jhRuns.add(System.nanoTime() - start);
                    System.out.printf(Locale.ROOT, "jhipster run %d: %.1f s%n", i + 1, jhRuns.get(i) / 1e9);
                }
                jhipster = Stats.of(jhRuns);
                jhipsterOutput = Output.of(dir);
            } catch (IOException | IllegalStateException e) {
                jhipsterProblem = e.getMessage();
            }
        } else {
            jhipsterProblem = "skipped (-Dbench.jhipster.skip=true)";
        }

        // ---- report ----
        report.append("| what | runs | median | p90 | files | bytes |\n|---|---|---|---|---|---|\n");
        row(report, "VeroForge in-process, full pipeline (analyze+resolve+synthesize+scan)", full, veroforgeOutput);
        row(report, "  of which synthesize", synthesizeInPipeline, null);
        row(report, "  of which scan", scanInPipeline, null);
        row(report, "VeroForge in-process, synthesize only (template-only)", synthesizeOnly, veroforgeOutput);
        if (cli != null) {
            row(report, "VeroForge CLI, cold JVM process (`bin/veroforge-generator generate`, writes files)", cli, veroforgeOutput);
        }
        if (jhipster != null) {
            row(report, "JHipster " + jhipsterVersion + " `jhipster jdl app.jdl --skip-install --skip-git --force --no-insight`", jhipster,
                    jhipsterOutput);
        }
        report.append('\n');
        if (jhipster != null) {
            report.append(String.format(Locale.ROOT, "ratio JHipster / VeroForge in-process full pipeline: %.0f×%n", jhipster.median() / full.median()));
            report.append(String.format(Locale.ROOT, "ratio JHipster / VeroForge in-process synthesize only: %.0f×%n",
                    jhipster.median() / synthesizeOnly.median()));
            if (cli != null) {
                report.append(String.format(Locale.ROOT, "ratio JHipster process / VeroForge CLI process: %.0f×%n", jhipster.median() / cli.median()));
            }
        } else {
            report.append("JHipster: ").append(jhipsterProblem).append('\n');
        }
        report.append("\noutputs: ").append(veroforgeOut).append(", ").append(out.resolve("jhipster")).append("; JDL: ").append(jdlFile).append('\n');
        System.out.println();
        System.out.println(report);
        Files.writeString(out.resolve("results.md"), report.toString());
    }

    private static Stats measure(int warmup, int runs, Supplier<Object> task) {
        for (int i = 0; i < warmup; i++) {
            task.get();
        }
        List<Long> nanos = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            task.get();
            nanos.add(System.nanoTime() - start);
        }
        return Stats.of(nanos);
    }

    private static void row(StringBuilder report, String what, Stats stats, Output output) {
        report.append(String.format(Locale.ROOT, "| %s | %d | %s | %s | %s | %s |%n", what, stats.runs(), duration(stats.median()),
                duration(stats.p90()), output == null ? "" : output.files(), output == null ? "" : String.format(Locale.ROOT, "%,d", output.bytes())));
    }

    private static String duration(double ms) {
        return ms >= 1000 ? String.format(Locale.ROOT, "%.2f s", ms / 1000) : String.format(Locale.ROOT, "%.1f ms", ms);
    }

    /** npm-installs generator-jhipster once into the cache directory; returns its bin. */
    private static Path installJHipster(String version) throws IOException, InterruptedException {
        Path cache = Path.of(System.getProperty("bench.cache", System.getProperty("user.home") + "/.cache/veroforge-bench"))
                .resolve("jhipster-" + version);
        Path bin = cache.resolve("node_modules/.bin/jhipster");
        Path installed = cache.resolve("node_modules/generator-jhipster/package.json");
        if (!Files.isExecutable(bin) || !Files.readString(installed).contains("\"version\": \"" + version + "\"")) {
            Files.createDirectories(cache);
            System.out.println("installing generator-jhipster@" + version + " into " + cache + " (once)");
            run(List.of("npm", "install", "--no-audit", "--no-fund", "--loglevel=error", "generator-jhipster@" + version), cache,
                    cache.resolve("npm-install.log"));
        }
        return bin;
    }

    private static void run(List<String> command, Path dir, Path log) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        p.getOutputStream().close();
        if (!p.waitFor(15, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " did not finish in 15 minutes (log: " + log + ")");
        }
        if (p.exitValue() != 0) {
            List<String> lines = Files.readAllLines(log);
            throw new IllegalStateException(String.join(" ", command) + " exited " + p.exitValue() + " (log: " + log + "):\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size())));
        }
    }

    private static Path cliJar() throws IOException {
        String configured = System.getProperty("bench.cliJar");
        if (configured != null && !configured.isBlank() && Files.isRegularFile(Path.of(configured))) {
            return Path.of(configured);
        }
        try (Stream<Path> jars = Files.list(Path.of("target"))) {
            return jars.filter(p -> p.getFileName().toString().endsWith("-cli.jar")).findFirst().orElse(null);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static String resource(String name) {
        try (InputStream in = GeneratorBenchmark.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("no resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
