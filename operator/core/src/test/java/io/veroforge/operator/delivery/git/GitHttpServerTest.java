package io.veroforge.operator.delivery.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.TransportException;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GitHttpServerTest {
    private static final String SHOP_PASSWORD = "shop-secret";
    private static final String BILLING_PASSWORD = "billing-secret";
    private static final HttpClient HTTP = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY).build();

    @TempDir
    Path temp;

    private PlatformRepositories repositories;
    private GitHttpServer server;
    private GitCli git;
    private RevCommit shopCommit;
    private RevCommit outsideCommit;

    @BeforeEach
    void startServer() throws Exception {
        Path root = temp.resolve("repos");
        repositories = new PlatformRepositories(root, "http://127.0.0.1");
        shopCommit = RepositoryFixtures.bareRepositoryWithReadme(repositories.pathOf("team-a", "shop"), "# Shop\n");
        RepositoryFixtures.bareRepositoryWithReadme(repositories.pathOf("team-a", "billing"), "# Billing\n");
        // beside the root, where a path traversal would land
        outsideCommit = RepositoryFixtures.bareRepositoryWithReadme(temp.resolve("outside.git"), "# Not served\n");
        RepositoryCredentials credentials = RepositoryFixtures.inMemory(Map.of(
                "team-a/shop", SHOP_PASSWORD,
                "team-a/billing", BILLING_PASSWORD,
                "team-a/not-yet-published", "ghost-secret"));
        server = new GitHttpServer(repositories, credentials, "127.0.0.1");
        server.start(0);
        git = new GitCli(temp.resolve("home"));
    }

    @AfterEach
    void stopServer() {
        server.stop();
    }

    @Test
    void gitCliClonesWithTheAppsCredentials() throws IOException {
        GitCli.Result clone = git.run(temp, "clone", url("shop", SHOP_PASSWORD, "team-a/shop.git"), "shop");

        assertThat(clone.exitCode()).as(clone.out()).isZero();
        assertThat(temp.resolve("shop/README.md")).hasContent("# Shop");
        assertThat(git.run(temp.resolve("shop"), "rev-parse", "HEAD").out().trim()).isEqualTo(shopCommit.name());
    }

    @Test
    void jgitClonesWithACredentialsProvider() throws Exception {
        Path target = temp.resolve("jgit-clone");
        try (Git clone = Git.cloneRepository()
                .setURI("http://127.0.0.1:" + server.port() + "/team-a/shop.git")
                .setCredentialsProvider(new UsernamePasswordCredentialsProvider("shop", SHOP_PASSWORD))
                .setDirectory(target.toFile())
                .call()) {
            assertThat(clone.getRepository().resolve("HEAD")).isEqualTo(shopCommit.getId());
        }
        assertThat(target.resolve("README.md")).hasContent("# Shop");
    }

    @Test
    void wrongPasswordIsChallengedWith401() throws Exception {
        HttpResponse<String> response = get("/team-a/shop.git/info/refs?service=git-upload-pack", "shop", "guess");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"veroforge\"");
        GitCli.Result clone = git.run(temp, "clone", url("shop", "guess", "team-a/shop.git"), "shop");
        assertThat(clone.exitCode()).isNotZero();
        assertThat(temp.resolve("shop/README.md")).doesNotExist();
    }

    @Test
    void requestWithoutCredentialsIsChallengedWith401() throws Exception {
        HttpResponse<String> response = get("/team-a/shop.git/info/refs?service=git-upload-pack", null, null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"veroforge\"");
        assertThat(response.body()).doesNotContain(shopCommit.name());
    }

    @Test
    void jgitWithWrongPasswordIsNotAuthorized() {
        assertThatThrownBy(() -> Git.cloneRepository()
                .setURI("http://127.0.0.1:" + server.port() + "/team-a/shop.git")
                .setCredentialsProvider(new UsernamePasswordCredentialsProvider("shop", "guess"))
                .setDirectory(temp.resolve("jgit-clone").toFile())
                .call().close())
                .isInstanceOf(TransportException.class)
                .hasMessageContaining("not authorized");
    }

    @Test
    void oneAppsCredentialsDoNotOpenAnotherApp() throws Exception {
        assertThat(get("/team-a/billing.git/info/refs?service=git-upload-pack", "shop", SHOP_PASSWORD).statusCode())
                .isEqualTo(401);
        assertThat(get("/team-a/billing.git/info/refs?service=git-upload-pack", "billing", SHOP_PASSWORD).statusCode())
                .isEqualTo(401);
        assertThat(git.run(temp, "clone", url("shop", SHOP_PASSWORD, "team-a/billing.git"), "billing").exitCode())
                .isNotZero();
        assertThat(git.run(temp, "clone", url("billing", BILLING_PASSWORD, "team-a/billing.git"), "billing").exitCode())
                .isZero();
    }

    @Test
    void dotSegmentsAreResolvedBeforeAuthenticationSoTheyCannotBorrowCredentials() throws Exception {
        assertThat(rawStatus("/team-a/shop.git/../billing.git/info/refs?service=git-upload-pack", "shop", SHOP_PASSWORD))
                .isEqualTo(401);
    }

    @Test
    void repositoryWithoutStoreIsNotFoundAndNotCreated() throws Exception {
        HttpResponse<String> response =
                get("/team-a/not-yet-published.git/info/refs?service=git-upload-pack", "not-yet-published", "ghost-secret");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(repositories.pathOf("team-a", "not-yet-published")).doesNotExist();
        assertThat(git.run(temp, "clone", url("not-yet-published", "ghost-secret", "team-a/not-yet-published.git"), "g")
                .exitCode()).isNotZero();
    }

    @Test
    void unknownAppIsRefusedWithoutSayingWhetherItExists() throws Exception {
        assertThat(get("/team-b/shop.git/info/refs?service=git-upload-pack", "shop", SHOP_PASSWORD).statusCode())
                .isEqualTo(401);
        assertThat(repositories.root().resolve("team-b")).doesNotExist();
    }

    @Test
    void pathsThatNameNoRepositoryAreNotFound() throws Exception {
        assertThat(get("/", "shop", SHOP_PASSWORD).statusCode()).isEqualTo(404);
        assertThat(get("/team-a/shop/info/refs?service=git-upload-pack", "shop", SHOP_PASSWORD).statusCode()).isEqualTo(404);
        assertThat(get("/team-a/Shop.git/info/refs?service=git-upload-pack", "Shop", SHOP_PASSWORD).statusCode()).isEqualTo(404);
        assertThat(get("/team-a/shop.git/extra/info/refs?service=git-upload-pack", "shop", SHOP_PASSWORD).statusCode())
                .isEqualTo(404);
    }

    @Test
    void pushIsRefused() throws IOException {
        assertThat(git.run(temp, "clone", url("shop", SHOP_PASSWORD, "team-a/shop.git"), "shop").exitCode()).isZero();
        Path work = temp.resolve("shop");
        Files.writeString(work.resolve("README.md"), "# Changed by the customer\n");
        assertThat(git.run(work, "commit", "-am", "Change").exitCode()).isZero();

        GitCli.Result push = git.run(work, "push", "origin", "main");

        assertThat(push.exitCode()).as(push.out()).isNotZero();
        assertThat(push.out()).contains("403");
        try (Repository bare = repositories.open("team-a", "shop").orElseThrow()) {
            assertThat(bare.resolve("refs/heads/main")).isEqualTo(shopCommit.getId());
        }
    }

    @Test
    void dumbHttpProtocolIsNotServed() throws Exception {
        assertThat(get("/team-a/shop.git/HEAD", "shop", SHOP_PASSWORD).statusCode()).isNotEqualTo(200);
        assertThat(get("/team-a/shop.git/config", "shop", SHOP_PASSWORD).statusCode()).isNotEqualTo(200);
        HttpResponse<String> dumbRefs = get("/team-a/shop.git/info/refs", "shop", SHOP_PASSWORD);
        assertThat(dumbRefs.statusCode()).isNotEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "/team-a/shop.git/../../../outside.git/info/refs?service=git-upload-pack",
            "/team-a/shop.git/info/refs/../../../../outside.git/info/refs?service=git-upload-pack",
            "/..%2F..%2Foutside.git/info/refs?service=git-upload-pack",
            "/team-a/..%2F..%2Foutside.git/info/refs?service=git-upload-pack",
            "/team-a/%2e%2e/%2e%2e/outside.git/info/refs?service=git-upload-pack",
            "/team-a/shop.git%2F..%2F..%2F..%2Foutside.git/info/refs?service=git-upload-pack",
            "/%2e%2e/outside.git/info/refs?service=git-upload-pack",
            "/team-a/..\\..\\outside.git/info/refs?service=git-upload-pack",
            "/team-a/shop.git/..;/..;/..;/outside.git/info/refs?service=git-upload-pack",
    })
    void pathTraversalReachesNothingOutsideTheRoot(String path) throws Exception {
        RawResponse response = raw(path, "shop", SHOP_PASSWORD);

        assertThat(response.status()).as(response.text()).isNotEqualTo(200);
        assertThat(response.text()).doesNotContain(outsideCommit.name());
    }

    private String url(String user, String password, String repository) {
        return "http://" + user + ":" + password + "@127.0.0.1:" + server.port() + "/" + repository;
    }

    private HttpResponse<String> get(String path, String user, String password) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
        if (user != null) {
            request.header("Authorization", basic(user, password));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private int rawStatus(String path, String user, String password) throws IOException {
        return raw(path, user, password).status();
    }

    record RawResponse(int status, String text) {
    }

    /** The request line exactly as written, which java.net.URI would refuse or normalize. */
    private RawResponse raw(String path, String user, String password) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: " + basic(user, password)
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            String text = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            String statusLine = text.lines().findFirst().orElse("");
            return new RawResponse(Integer.parseInt(statusLine.split(" ")[1]), text);
        }
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
