package io.veroforge.operator.delivery.git;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real git binary as a customer would, isolated from the machine's configuration: its own
 * HOME, no system config, no credential helper, no proxy, and never a password prompt.
 */
final class GitCli {

    record Result(int exitCode, String out) {
    }

    private final Path home;

    GitCli(Path home) {
        this.home = home;
    }

    Result run(Path workingDir, String... args) {
        List<String> command = new ArrayList<>(List.of("git", "-c", "credential.helper=", "-c", "http.proxy=",
                "-c", "user.name=Customer", "-c", "user.email=customer@example.com"));
        command.addAll(List.of(args));
        try {
            Files.createDirectories(home);
            Path output = Files.createTempFile(home, "git", ".out");
            ProcessBuilder pb = new ProcessBuilder(command).directory(workingDir.toFile())
                    .redirectErrorStream(true).redirectOutput(output.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            pb.environment().keySet().removeIf(k -> k.toLowerCase().endsWith("_proxy") || k.startsWith("GIT_"));
            pb.environment().put("HOME", home.toString());
            pb.environment().put("GIT_CONFIG_NOSYSTEM", "1");
            pb.environment().put("GIT_TERMINAL_PROMPT", "0");
            pb.environment().put("GIT_ASKPASS", "/bin/false");
            Process p = pb.start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("git " + String.join(" ", args) + " did not finish in 60s");
            }
            return new Result(p.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
