package io.veroforge.operator.delivery.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.veroforge.operator.config.PlatformConfig;

class PlatformGitTest {
    private static final HttpClient HTTP = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY).build();

    @TempDir
    Path temp;

    private PlatformGit git;

    @AfterEach
    void stop() {
        if (git != null) {
            git.stop();
        }
    }

    @Test
    void cloneUrlNamesThePortTheServerActuallyGot() throws Exception {
        git = new PlatformGit(settings(temp.resolve("repos"), 0, "http://127.0.0.1:{port}/"),
                RepositoryFixtures.inMemory(Map.of("team-a/shop", "shop-secret")));
        git.start();
        RevCommit published = RepositoryFixtures.bareRepositoryWithReadme(git.repositories().pathOf("team-a", "shop"), "# Shop\n");

        int port = git.port().orElseThrow();
        assertThat(port).isPositive();
        assertThat(git.baseUrl()).isEqualTo("http://127.0.0.1:" + port);
        assertThat(git.cloneUrl("team-a", "shop")).isEqualTo("http://127.0.0.1:" + port + "/team-a/shop.git");
        try (Git clone = Git.cloneRepository()
                .setURI(git.cloneUrl("team-a", "shop"))
                .setCredentialsProvider(new UsernamePasswordCredentialsProvider("shop", "shop-secret"))
                .setDirectory(temp.resolve("clone").toFile())
                .call()) {
            assertThat(clone.getRepository().resolve("HEAD")).isEqualTo(published.getId());
        }
    }

    @Test
    void missingRootIsCreatedOnStart() {
        Path root = temp.resolve("not/there/yet");
        git = new PlatformGit(settings(root, 0, "http://127.0.0.1:{port}"), RepositoryFixtures.inMemory(Map.of()));

        git.start();

        assertThat(root).isDirectory();
        assertThat(git.repositories().root()).isEqualTo(root.toAbsolutePath().normalize());
    }

    @Test
    void stoppedServerNoLongerAnswers() throws Exception {
        git = new PlatformGit(settings(temp.resolve("repos"), 0, "http://127.0.0.1:{port}"), RepositoryFixtures.inMemory(Map.of()));
        git.start();
        URI refs = URI.create(git.cloneUrl("team-a", "shop") + "/info/refs?service=git-upload-pack");
        assertThat(HTTP.send(HttpRequest.newBuilder(refs).build(), HttpResponse.BodyHandlers.discarding()).statusCode())
                .isEqualTo(401);

        git.stop();

        assertThat(git.port()).isEmpty();
        assertThatThrownBy(() -> HTTP.send(HttpRequest.newBuilder(refs).build(), HttpResponse.BodyHandlers.discarding()))
                .isInstanceOf(ConnectException.class);
        assertThatThrownBy(() -> git.cloneUrl("team-a", "shop")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void disabledServerLeavesThePublicUrlAsGiven() {
        git = new PlatformGit(settings(temp.resolve("repos"), -1, "https://git.example.com/veroforge"),
                RepositoryFixtures.inMemory(Map.of()));

        git.start();

        assertThat(git.port()).isEmpty();
        assertThat(git.cloneUrl("team-a", "shop")).isEqualTo("https://git.example.com/veroforge/team-a/shop.git");
    }

    @Test
    void portPlaceholderWithoutAServerIsRejected() {
        git = new PlatformGit(settings(temp.resolve("repos"), -1, "http://127.0.0.1:{port}"), RepositoryFixtures.inMemory(Map.of()));

        assertThatThrownBy(git::start)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("veroforge.git.public-url")
                .hasMessageContaining("veroforge.git.http-port");
    }

    private static PlatformConfig.Git settings(Path root, int port, String publicUrl) {
        return new PlatformConfig.Git() {
            @Override
            public String root() {
                return root.toString();
            }

            @Override
            public int httpPort() {
                return port;
            }

            @Override
            public String bindAddress() {
                return "127.0.0.1";
            }

            @Override
            public String publicUrl() {
                return publicUrl;
            }
        };
    }
}
