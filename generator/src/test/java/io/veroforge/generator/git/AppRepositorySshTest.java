package io.veroforge.generator.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyEncryptionContext;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Publishing to a remote over SSH with a deploy key, against a real SSH Git server (Apache MINA
 * sshd in-process, JGit behind it) holding a real bare repository.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class AppRepositorySshTest {

    @TempDir
    Path tmp;

    private KeyPair deployKey;
    private SshGitServer server;
    private Path origin;
    private Path mirror;
    private String url;

    @BeforeEach
    void startServer() throws Exception {
        deployKey = rsaKeyPair();
        Path served = Files.createDirectories(tmp.resolve("served"));
        origin = served.resolve("acme/pest-control.git");
        Git.init().setBare(true).setDirectory(origin.toFile()).setInitialBranch("main").call().close();
        server = new SshGitServer(served, tmp.resolve("host-key"), deployKey.getPublic());
        url = "ssh://git@127.0.0.1:" + server.port() + "/acme/pest-control.git";
        mirror = tmp.resolve("mirror.git");
    }

    @AfterEach
    void stopServer() throws Exception {
        server.close();
    }

    @Test
    void anOpenSshDeployKeyPublishesTheGeneratedBranchAndMain() throws Exception {
        PublishResult result;
        try (AppRepository app = AppRepository.remote(mirror, url, GitCredentials.sshKey(openSshPem(deployKey)))) {
            result = app.publish(files("v1"), publication("pest-control-1"));
        }

        try (Repository repo = Git.open(origin.toFile()).getRepository()) {
            assertThat(repo.resolve("refs/heads/veroforge/generated").name()).isEqualTo(result.generatedCommit());
            assertThat(repo.resolve("refs/heads/main").name()).isEqualTo(result.generatedCommit());
        }
        assertThat(server.served).containsExactly("git-upload-pack /acme/pest-control.git", "git-receive-pack /acme/pest-control.git");
        assertThat(mirror.resolve("veroforge-ssh/known_hosts")).content().contains("[127.0.0.1]:" + server.port());
        assertThat(mirror.resolve("veroforge-ssh/id_veroforge")).doesNotExist();
    }

    @Test
    void theNextGenerationFetchesTheCustomersCommitAndPushesAgainWithThePinnedHostKey() throws Exception {
        String pem = openSshPem(deployKey);
        try (AppRepository app = AppRepository.remote(mirror, url, GitCredentials.sshKey(pem))) {
            app.publish(files("v1"), publication("pest-control-1"));
        }
        String pinned = Files.readString(mirror.resolve("veroforge-ssh/known_hosts"));
        ObjectId customerCommit = customerAddsAFile();

        PublishResult second;
        try (AppRepository app = AppRepository.remote(mirror, url, GitCredentials.sshKey(pem))) {
            second = app.publish(files("v2"), publication("pest-control-2"));
        }

        try (Repository repo = Git.open(origin.toFile()).getRepository(); RevWalk walk = new RevWalk(repo)) {
            assertThat(repo.resolve("refs/heads/veroforge/generated").name()).isEqualTo(second.generatedCommit());
            RevCommit main = walk.parseCommit(repo.resolve("refs/heads/main"));
            assertThat(main.name()).isEqualTo(second.customerCommit());
            assertThat(main.getParents()).extracting(RevCommit::name).containsExactly(customerCommit.name(), second.generatedCommit());
        }
        assertThat(second.drift()).containsExactly("CUSTOMER.md");
        assertThat(server.served).hasSize(4);
        assertThat(mirror.resolve("veroforge-ssh/known_hosts")).content().isEqualTo(pinned);
        assertThat(mirror.resolve("veroforge-ssh/id_veroforge")).doesNotExist();
    }

    @Test
    void aKeyTheServerDoesNotKnowIsRefusedNamingTheUrlAndNotTheKey() throws Exception {
        String otherPem = openSshPem(rsaKeyPair());
        String keyBody = otherPem.lines().skip(1).findFirst().orElseThrow();

        assertThatThrownBy(() -> {
            try (AppRepository app = AppRepository.remote(mirror, url, GitCredentials.sshKey(otherPem))) {
                app.publish(files("v1"), publication("pest-control-1"));
            }
        }).isInstanceOf(GitUnavailableException.class)
                .hasMessageContaining(url)
                .hasMessageContaining("credentials")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(keyBody).doesNotContain("PRIVATE KEY"));

        assertThat(server.served).isEmpty();
        try (Repository repo = Git.open(origin.toFile()).getRepository()) {
            assertThat(repo.getRefDatabase().getRefs()).isEmpty();
        }
        assertThat(mirror.resolve("veroforge-ssh/id_veroforge")).doesNotExist();
    }

    /** {@code openssl genpkey} / Java's own encoding rather than ssh-keygen's: also accepted. */
    @Test
    void aPkcs8PemDeployKeyWorksToo() throws Exception {
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(deployKey.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----";
        PublishResult result;
        try (AppRepository app = AppRepository.remote(mirror, url, GitCredentials.sshKey(pem))) {
            result = app.publish(files("v1"), publication("pest-control-1"));
        }

        try (Repository repo = Git.open(origin.toFile()).getRepository()) {
            assertThat(repo.resolve("refs/heads/main").name()).isEqualTo(result.customerCommit());
        }
        assertThat(mirror.resolve("veroforge-ssh/id_veroforge")).doesNotExist();
    }

    @Test
    void aServerPresentingADifferentHostKeyIsRefused() throws Exception {
        String pem = openSshPem(deployKey);
        try (AppRepository app = AppRepository.remote(mirror, url, GitCredentials.sshKey(pem))) {
            app.publish(files("v1"), publication("pest-control-1"));
        }
        // an impostor on another port with its own host key; the pinned entry is moved to its port
        try (SshGitServer impostor = new SshGitServer(tmp.resolve("served"), tmp.resolve("impostor-host-key"), deployKey.getPublic())) {
            Path knownHosts = mirror.resolve("veroforge-ssh/known_hosts");
            Files.writeString(knownHosts, Files.readString(knownHosts)
                    .replace("[127.0.0.1]:" + server.port(), "[127.0.0.1]:" + impostor.port()));
            String impostorUrl = "ssh://git@127.0.0.1:" + impostor.port() + "/acme/pest-control.git";

            assertThatThrownBy(() -> {
                try (AppRepository app = AppRepository.remote(mirror, impostorUrl, GitCredentials.sshKey(pem))) {
                    app.publish(files("v2"), publication("pest-control-2"));
                }
            }).isInstanceOf(GitUnavailableException.class).hasMessageContaining(impostorUrl).hasMessageContaining("Server key did not validate");
            assertThat(impostor.served).isEmpty();
        }
        assertThat(mirror.resolve("veroforge-ssh/id_veroforge")).doesNotExist();
    }

    /** A customer commits a file of their own on main, straight into the served repository. */
    private ObjectId customerAddsAFile() throws Exception {
        Path work = tmp.resolve("work");
        try (Git clone = Git.cloneRepository().setURI(origin.toUri().toString()).setDirectory(work.toFile()).setBranch("main").call()) {
            Files.writeString(work.resolve("CUSTOMER.md"), "ours\n");
            clone.add().addFilepattern("CUSTOMER.md").call();
            RevCommit commit = clone.commit().setMessage("Our notes").setAuthor("Customer", "dev@customer.example").call();
            clone.push().call();
            return commit;
        }
    }

    private static SortedMap<String, String> files(String version) {
        SortedMap<String, String> files = new TreeMap<>();
        files.put("README.md", "# pest-control " + version + "\n");
        files.put("deploy/k8s/deployment.yaml", "kind: Deployment\n");
        return files;
    }

    private static Publication publication(String generation) {
        return new Publication(generation, "pest-control", 7, "nestjs-prisma-react", "abc123def456", "main");
    }

    private static KeyPair rsaKeyPair() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(3072);
        return generator.generateKeyPair();
    }

    /** The format {@code ssh-keygen} writes and a Kubernetes {@code kubernetes.io/ssh-auth} Secret holds as ssh-privatekey. */
    private static String openSshPem(KeyPair keyPair) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(keyPair, "veroforge-deploy-key", (OpenSSHKeyEncryptionContext) null, out);
        return out.toString(StandardCharsets.US_ASCII);
    }
}
