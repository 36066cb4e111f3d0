package io.veroforge.operator.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.tools.ToolProvider;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The run command's console as a child process. The real console jar is built after the operator in
 * the reactor, so a stand-in jar at the console's path plays it: a real process that answers HTTP on the
 * port it was given with the profile and the KUBECONFIG it was started with.
 */
class LocalConsoleTest {
    @TempDir
    Path checkout;

    @Test
    void aBuiltConsoleRunsOnTheLocalKubeconfigAndStopsWithThePlatform() throws Exception {
        buildStandIn(LocalConsole.jarIn(checkout));
        Path kubeconfig = Files.writeString(Files.createDirectories(checkout.resolve(".local")).resolve("kubeconfig"), "apiVersion: v1\n");

        LocalConsole console = LocalConsole.beside(Optional.of(checkout), kubeconfig, checkout.resolve(".local/console.log"));
        try {
            Matcher url = Pattern.compile("http://localhost:(\\d+)").matcher(console.summary());
            assertThat(url.find()).as(console.summary()).isTrue();
            assertThat(console.summary()).contains("alice@acme-pest.example.com / alice-local");
            HttpClient http = HttpClient.newHttpClient();
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + url.group(1) + "/")).build();
            String body = await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                    .until(() -> http.send(request, HttpResponse.BodyHandlers.ofString()).body(), b -> b != null && !b.isEmpty());
            assertThat(body).isEqualTo("profile=local kubeconfig=" + kubeconfig);
            assertThat(console.running()).isTrue();
        } finally {
            console.close();
        }
        assertThat(console.running()).isFalse();
    }

    @Test
    void anUnbuiltConsoleIsASummaryLineNotAFailedStart() {
        LocalConsole console = LocalConsole.beside(Optional.of(checkout), checkout.resolve("kubeconfig"), checkout.resolve("console.log"));

        assertThat(console.running()).isFalse();
        assertThat(console.summary()).startsWith("not built").contains("./mvnw -q install -DskipTests");
        console.close();
    }

    /** A jar whose main serves "profile=… kubeconfig=…" on -Dquarkus.http.port, as the console would serve its pages. */
    private static void buildStandIn(Path jar) throws IOException {
        Path src = Files.createTempDirectory("stand-in");
        Path source = Files.writeString(src.resolve("StandIn.java"), """
                import com.sun.net.httpserver.HttpServer;
                import java.net.InetSocketAddress;
                public class StandIn {
                    public static void main(String[] args) throws Exception {
                        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.getInteger("quarkus.http.port")), 0);
                        byte[] body = ("profile=" + System.getProperty("quarkus.profile") + " kubeconfig=" + System.getenv("KUBECONFIG")).getBytes();
                        server.createContext("/", x -> { x.sendResponseHeaders(200, body.length); x.getResponseBody().write(body); x.close(); });
                        server.start();
                    }
                }
                """);
        assertThat(ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", src.toString(), source.toString())).isZero();
        Files.createDirectories(jar.getParent());
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "StandIn");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            out.putNextEntry(new JarEntry("StandIn.class"));
            Files.copy(src.resolve("StandIn.class"), out);
            out.closeEntry();
        }
    }
}
