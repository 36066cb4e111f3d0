package io.veroforge.generator.node;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs one external command with a time limit and keeps the tail of its output for the failure message. */
public final class CommandRunner {

    private static final int TAIL = 6000;

    /** How a command ended; {@code output} is the tail of stdout and stderr together. */
    public record Outcome(String command, Path dir, boolean timedOut, int exitCode, int timeoutSeconds, String output) {
        public boolean succeeded() {
            return !timedOut && exitCode == 0;
        }

        public String describe() {
            return command + " in " + dir + (timedOut ? " timed out after " + timeoutSeconds + "s" : " exited " + exitCode)
                    + ", its output:\n" + output;
        }
    }

    public Outcome run(Path dir, Map<String, String> env, int timeoutSeconds, String... command) throws IOException, InterruptedException {
        File log = Files.createTempFile("vf-step", ".log").toFile();
        try {
            ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log);
            pb.environment().putAll(env);
            Process p = pb.start();
            boolean done = p.waitFor(timeoutSeconds, TimeUnit.SECONDS);
            if (!done) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
            }
            String output = Files.readString(log.toPath(), StandardCharsets.UTF_8);
            String tail = output.length() > TAIL ? "…" + output.substring(output.length() - TAIL) : output;
            return new Outcome(String.join(" ", command), dir, !done, done ? p.exitValue() : -1, timeoutSeconds, tail);
        } finally {
            log.delete();
        }
    }
}
