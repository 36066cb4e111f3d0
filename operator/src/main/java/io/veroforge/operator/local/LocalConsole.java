package io.veroforge.operator.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The web console beside the local platform. The console is its own Quarkus application
 * ({@code console/}, its own port and sign-in), so {@code --local} starts its built jar as a child
 * process with the {@code local} profile and the local API's kubeconfig, and stops it with the
 * platform. A checkout whose console is not built gets a summary line saying how to build it, not a
 * failed start: the operator does not need the console.
 */
public final class LocalConsole implements AutoCloseable {
    /** The console's own default port (console/src/main/resources/application.properties). */
    static final int PORT = 8082;
    /** {@code -Dveroforge-local.console=false}: do not start it. */
    public static final String ENABLED_PROPERTY = "veroforge-local.console";
    /** What the start-up summary prints on the console's line. */
    public static final String SUMMARY_PROPERTY = "veroforge-local.console-summary";
    private static final String SIGN_IN = "sign in as alice@acme-pest.example.com / alice-local (more users: docs/console.md)";

    private final Process process;
    private final String summary;

    private LocalConsole(Process process, String summary) {
        this.process = process;
        this.summary = summary;
    }

    /** Starts the built console of {@code checkout}, pointed at {@code kubeconfig}; its output goes to {@code log}. */
    public static LocalConsole beside(Optional<Path> checkout, Path kubeconfig, Path log) {
        if (!Boolean.parseBoolean(System.getProperty(ENABLED_PROPERTY, "true"))) {
            return new LocalConsole(null, "not started (-D" + ENABLED_PROPERTY + "=false)");
        }
        Optional<Path> jar = checkout.map(LocalConsole::jarIn).filter(Files::isRegularFile);
        if (jar.isEmpty()) {
            return new LocalConsole(null, "not built (no console/target/quarkus-app/quarkus-run.jar in "
                    + checkout.map(Path::toString).orElse("this directory") + "): ./mvnw -q install -DskipTests builds it");
        }
        int port = LocalPlatform.freeOrAny(PORT) == PORT ? PORT : anyFreePort();
        ProcessBuilder builder = new ProcessBuilder(command(jar.get(), port));
        builder.environment().put("KUBECONFIG", kubeconfig.toString());
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            builder.redirectErrorStream(true).redirectOutput(log.toFile());
            Process process = builder.start();
            return new LocalConsole(process, "http://localhost:" + port + " — " + SIGN_IN + "; log " + log);
        } catch (IOException e) {
            return new LocalConsole(null, "could not start " + jar.get() + ": " + e.getMessage());
        }
    }

    static Path jarIn(Path checkout) {
        return checkout.resolve("console/target/quarkus-app/quarkus-run.jar");
    }

    /** The same JVM that runs the operator runs the console. */
    static List<String> command(Path jar, int port) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return List.of(java, "-Dquarkus.profile=local", "-Dquarkus.http.port=" + port, "-Dquarkus.http.host=127.0.0.1",
                "-jar", jar.toString());
    }

    public String summary() {
        return summary;
    }

    public boolean running() {
        return process != null && process.isAlive();
    }

    @Override
    public void close() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(Duration.ofSeconds(10).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static int anyFreePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port for the console", e);
        }
    }
}
