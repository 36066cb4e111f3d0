package io.veroforge.console;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openqa.selenium.JavascriptExecutor;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Deque's axe-core, injected into the page the browser shows and run there. No Maven artifact of axe-core
 * resolves here, so the pinned npm package is fetched once with {@code npm pack} into target/axe-core (npm's own
 * cache answers later runs offline) and its {@code axe.min.js} read from the tarball.
 */
public final class AxeCore {
    static final String VERSION = "4.10.3";
    private static final Path HOME = Path.of("target/axe-core");
    private static final Path SCRIPT = HOME.resolve("package/axe.min.js");
    /** What fails the test: axe's two worst impacts (moderate and minor are reported by axe, not enforced here). */
    private static final String RUN = """
            const done = arguments[arguments.length - 1];
            axe.run(document, { resultTypes: ['violations'] })
              .then(r => done(JSON.stringify(r.violations
                .filter(v => v.impact === 'serious' || v.impact === 'critical')
                .map(v => ({ id: v.id, impact: v.impact, help: v.help,
                             nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ') + ' ' + (n.failureSummary || '')) })))))
              .catch(e => done(JSON.stringify([{ id: 'axe-error', impact: 'critical', help: String(e), nodes: [] }])));
            """;
    private static String source;

    private AxeCore() {
    }

    public record Violation(String id, String impact, String help, List<String> nodes) {
    }

    /** The serious and critical violations axe finds on the page {@code browser} shows now. */
    public static List<Violation> seriousViolations(JavascriptExecutor browser) {
        browser.executeScript(source());
        Object found = browser.executeAsyncScript(RUN);
        try {
            return new ObjectMapper().readValue(String.valueOf(found), new TypeReference<List<Violation>>() {
            });
        } catch (IOException unreadable) {
            throw new IllegalStateException("axe-core answered " + found, unreadable);
        }
    }

    static synchronized String source() {
        if (source == null) {
            try {
                if (!Files.exists(SCRIPT)) {
                    fetch();
                }
                source = Files.readString(SCRIPT);
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException("cannot load axe-core " + VERSION + " into " + HOME.toAbsolutePath(), e);
            }
        }
        return source;
    }

    private static void fetch() throws IOException, InterruptedException {
        Files.createDirectories(HOME);
        run("npm", "pack", "axe-core@" + VERSION, "--prefer-offline", "--silent", "--pack-destination", HOME.toString());
        run("tar", "-xzf", HOME.resolve("axe-core-" + VERSION + ".tgz").toString(), "-C", HOME.toString(), "package/axe.min.js");
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(HOME.resolve("fetch.log").toFile()).start();
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException(String.join(" ", command) + " took over 180 s (npm registry unreachable?); see "
                    + HOME.resolve("fetch.log").toAbsolutePath());
        }
        if (process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " exited with " + process.exitValue() + ": "
                    + Files.readString(HOME.resolve("fetch.log")));
        }
    }
}
