package io.veroforge.generator.ai;

import io.veroforge.generator.gaps.GapFill;
import io.veroforge.generator.node.CommandRunner;
import io.veroforge.generator.node.SharedNodeModules;
import io.veroforge.generator.synthesize.AppView;
import io.veroforge.generator.synthesize.GeneratedRepository;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The real check, as the proof harness does it: the generated {@code api/} with the candidate in
 * place is written to a scratch directory (one per gap, rewritten only where files changed, so a
 * retry does not regenerate the Prisma client), linked to the shared npm install, then
 * {@code prisma generate} (when the schema changed), {@code tsc --noEmit}, ESLint with the app's own
 * config on the filled file ({@code --max-warnings=0}, as the app's {@code npm run lint} and CI run it,
 * so a fill that e.g. is async and awaits nothing is refused here and not by the app's pipeline later),
 * and Jest on the gap's own tests. Needs node and npm; runs in the caller's thread (the operator's
 * Synthesize worker).
 */
public final class NodeFillValidator implements FillValidator {

    private static final Map<String, String> ENV = Map.of("PRISMA_SCHEMA_ENGINE_BINARY", "/bin/true", "CI", "true",
            "DATABASE_URL", "postgresql://unused@127.0.0.1:5432/unused");
    private final Path scratch;
    private final SharedNodeModules installs;
    private final CommandRunner runner;

    public NodeFillValidator(Path scratch, Path installRoot) {
        this.scratch = scratch;
        this.runner = new CommandRunner();
        this.installs = new SharedNodeModules(installRoot, runner);
    }

    @Override
    public Verdict validate(GapFill candidate, GeneratedRepository repo) {
        try {
            Path api = scratch.resolve(candidate.gapId()).resolve("api");
            boolean schemaChanged = write(api, repo);
            installs.link(api, ENV);
            if (schemaChanged || !Files.isDirectory(api.resolve("src/generated"))) {
                CommandRunner.Outcome prisma = runner.run(api, ENV, 180, "npx", "--no-install", "prisma", "generate");
                if (!prisma.succeeded()) {
                    throw new IllegalStateException("prisma generate failed for the generated api: " + prisma.describe());
                }
            }
            CommandRunner.Outcome tsc = runner.run(api, ENV, 300, "npx", "--no-install", "tsc", "--noEmit", "--pretty", "false");
            if (!tsc.succeeded()) {
                return Verdict.fail("type-check", errors(tsc.output(), candidate.gapId()));
            }
            List<String> lint = lint(api, candidate);
            if (!lint.isEmpty()) {
                return Verdict.fail("lint", lint);
            }
            String test = AppView.testPathOf(candidate.gapId()).substring("api/".length());
            CommandRunner.Outcome jest = runner.run(api, ENV, 300, "npx", "--no-install", "jest", "--config", "jest-e2e.config.js",
                    "--runTestsByPath", test, "--ci", "--silent");
            if (!jest.succeeded()) {
                return Verdict.fail("tests", List.of(test + " failed:\n" + tail(jest.output(), 2500)));
            }
            return Verdict.pass();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot validate gap " + candidate.gapId() + " in " + scratch, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while validating gap " + candidate.gapId(), e);
        }
    }

    /**
     * ESLint's messages on the file the fill went into; empty when it is clean. Only that file: the rest
     * of the app is the pack's, linted by the proof suite, and a model can only fix what it wrote.
     */
    private List<String> lint(Path api, GapFill candidate) throws IOException, InterruptedException {
        String file = candidate.targetFile().startsWith("api/") ? candidate.targetFile().substring("api/".length()) : candidate.targetFile();
        Path report = api.getParent().resolve("eslint.json");
        Files.deleteIfExists(report);
        CommandRunner.Outcome eslint = runner.run(api, ENV, 180, "npx", "--no-install", "eslint", "--max-warnings=0", "--format", "json",
                "--output-file", report.toString(), file);
        if (eslint.succeeded()) {
            return List.of();
        }
        if (eslint.timedOut() || eslint.exitCode() != 1 || !Files.isRegularFile(report)) {
            // exit 2 is ESLint failing to run (config, install), not a problem of the answer: no retry can fix it
            throw new IllegalStateException("eslint could not run on the generated api: " + eslint.describe());
        }
        List<String> messages = EslintMessages.of(Files.readString(report, StandardCharsets.UTF_8), api);
        return messages.isEmpty() ? List.of(file + ": eslint failed:\n" + tail(eslint.output(), 2500)) : messages;
    }

    /** The TypeScript errors, those in the gap's files first (they are what the model can fix). */
    static List<String> errors(String output, String gapId) {
        List<String> lines = output.lines().filter(l -> l.contains("error TS")).toList();
        List<String> own = lines.stream().filter(l -> l.contains(gapId)).toList();
        List<String> chosen = own.isEmpty() ? lines : own;
        return chosen.isEmpty() ? List.of(tail(output, 2500)) : chosen.subList(0, Math.min(20, chosen.size()));
    }

    /** Writes the api files that differ; true when the Prisma schema was (re)written. */
    private static boolean write(Path api, GeneratedRepository repo) throws IOException {
        boolean schema = false;
        for (Map.Entry<String, String> f : repo.files().entrySet()) {
            if (!f.getKey().startsWith("api/")) {
                continue;
            }
            Path target = api.resolve(f.getKey().substring("api/".length()));
            if (Files.isRegularFile(target) && Files.readString(target, StandardCharsets.UTF_8).equals(f.getValue())) {
                continue;
            }
            Files.createDirectories(target.getParent());
            Files.writeString(target, f.getValue(), StandardCharsets.UTF_8);
            schema |= f.getKey().equals("api/prisma/schema.prisma");
        }
        return schema;
    }

    private static String tail(String text, int max) {
        return text.length() <= max ? text : "…" + text.substring(text.length() - max);
    }
}
