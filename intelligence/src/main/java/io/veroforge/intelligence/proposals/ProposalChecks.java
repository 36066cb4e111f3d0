package io.veroforge.intelligence.proposals;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.veroforge.intelligence.IntelligenceConfig;

/**
 * Checks an ontology proposal before it is offered: writes the change as an improvements overlay,
 * regenerates the reference specs with it by running the generator CLI as a separate process
 * ({@code generate --overlay}: validation, resolution, synthesis and the security scan, exit 0
 * only when all pass), and confirms the new field reached each generated Prisma schema that has an
 * entity of the type. The engine never loads the generator's classes (another Quarkus version):
 * the command is configured. Blocking: call it off the event loop.
 */
@ApplicationScoped
public class ProposalChecks {
    static final String NOT_CONFIGURED = "not run: no checks command is configured (veroforge.intelligence.checks.command); a reviewer decides";
    static final List<String> BUNDLED_SPECS = List.of("universal-sparse.yaml", "salon.yaml");
    private static final Logger LOG = Logger.getLogger(ProposalChecks.class);
    private static final int OUTPUT_LINES = 20;

    /** passed, failed or not_run, and what was checked or why not (output's first lines on failure). */
    public record Result(String state, String detail) {
    }

    private final IntelligenceConfig.Checks config;

    public ProposalChecks(IntelligenceConfig config) {
        this.config = config.checks();
    }

    Result check(Draft draft) {
        if (config.command().isEmpty() || config.command().get().isBlank()) {
            return new Result("not_run", NOT_CONFIGURED);
        }
        if (!"ontology_optional_field".equals(draft.kind())) {
            return new Result("not_run", "not run: a " + draft.kind() + " is a maintainer's patch, not an overlay change the generator"
                    + " can apply; a reviewer decides");
        }
        Path work = null;
        try {
            work = Files.createTempDirectory("proposal-check");
            return regenerate(draft, work);
        } catch (IOException e) {
            return new Result("failed", "the check could not run: " + e.getMessage());
        } finally {
            delete(work);
        }
    }

    private Result regenerate(Draft draft, Path work) throws IOException {
        String type = String.valueOf(draft.change().get("ontologyType"));
        Map<?, ?> field = (Map<?, ?>) draft.change().get("addField");
        String name = String.valueOf(field.get("name"));
        Path overlay = work.resolve("overlay");
        Files.createDirectories(overlay.resolve("ontology"));
        Files.writeString(overlay.resolve("ontology/" + type + ".yaml"),
                "fields:\n  - {name: " + name + ", type: " + field.get("type") + "}\n", StandardCharsets.UTF_8);
        List<String> checked = new ArrayList<>();
        List<String> reached = new ArrayList<>();
        for (Path spec : referenceSpecs(work)) {
            String specName = spec.getFileName().toString();
            Path out = work.resolve("out-" + specName.replace(".yaml", ""));
            List<String> command = new ArrayList<>(Arrays.asList(config.command().get().trim().split("\\s+")));
            command.addAll(List.of("generate", "-f", spec.toString(), "-o", out.toString(), "--overlay", overlay.toString()));
            Path log = work.resolve(specName + ".log");
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            boolean finished;
            try {
                finished = process.waitFor(config.timeout().toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                stop(process);
                Thread.currentThread().interrupt();
                return new Result("failed", "interrupted while regenerating " + specName);
            }
            if (!finished) {
                stop(process);
                return new Result("failed", "regenerating " + specName + " took longer than " + config.timeout() + ":\n" + firstLines(log));
            }
            if (process.exitValue() != 0) {
                return new Result("failed", "regenerating " + specName + " with the change failed (generator exit " + process.exitValue()
                        + "):\n" + firstLines(log));
            }
            Path schema = out.resolve("api/prisma/schema.prisma");
            String prisma = Files.isRegularFile(schema) ? Files.readString(schema) : "";
            if (prisma.contains("model " + type + " {")) {
                if (!fieldReached(prisma, type, name)) {
                    return new Result("failed", "regenerated " + specName + ", but " + type + "." + name
                            + " is not in its api/prisma/schema.prisma: the overlay did not apply:\n" + firstLines(log));
                }
                reached.add(specName);
            }
            checked.add(specName);
        }
        if (reached.isEmpty()) {
            return new Result("failed", "no reference spec has an entity of the ontology type " + type + " (" + String.join(", ", checked)
                    + "): add one to veroforge.intelligence.checks.reference-specs");
        }
        LOG.infof("proposal check passed: %s.%s regenerated in %s", type, name, checked);
        return new Result("passed", "regenerated " + String.join(", ", checked) + " with " + type + "." + name
                + " added by an overlay: the generator validated, resolved, synthesized and security-scanned each (exit 0), and the"
                + " field is in the generated Prisma schema of " + type + " in " + String.join(", ", reached) + ";"
                + " the generated apps were not type-checked (docs/intelligence.md, Checks)");
    }

    /** Whether {@code model <Type> { … }} declares the field. */
    static boolean fieldReached(String schema, String type, String field) {
        int start = schema.indexOf("model " + type + " {");
        if (start < 0) {
            return false;
        }
        int end = schema.indexOf("\n}", start);
        String body = schema.substring(start, end < 0 ? schema.length() : end);
        return body.lines().anyMatch(l -> l.trim().startsWith(field + " "));
    }

    private List<Path> referenceSpecs(Path work) throws IOException {
        if (config.referenceSpecs().isPresent()) {
            try (Stream<Path> specs = Files.list(Path.of(config.referenceSpecs().get()))) {
                return specs.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
            }
        }
        List<Path> specs = new ArrayList<>();
        for (String name : BUNDLED_SPECS) {
            try (InputStream in = ProposalChecks.class.getClassLoader().getResourceAsStream("reference-specs/" + name)) {
                if (in == null) {
                    throw new IllegalStateException("missing bundled reference spec reference-specs/" + name);
                }
                Path spec = work.resolve(name);
                Files.copy(in, spec);
                specs.add(spec);
            }
        }
        return specs;
    }

    /** The command and whatever it started (a wrapper script's JVM): nothing outlives a failed check. */
    private static void stop(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    private static String firstLines(Path log) {
        try (Stream<String> lines = Files.lines(log)) {
            String text = String.join("\n", lines.limit(OUTPUT_LINES).toList());
            return text.length() > 2_000 ? text.substring(0, 2_000) + "…" : text;
        } catch (IOException | UncheckedIOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            LOG.debugf("could not delete %s: %s", dir, e.getMessage());
        }
    }
}
