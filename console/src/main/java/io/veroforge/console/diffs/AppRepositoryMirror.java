package io.veroforge.console.diffs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.fabric8.kubernetes.api.model.Secret;
import io.veroforge.console.access.ClusterClients;
import io.veroforge.console.access.ConsoleUser;

/**
 * A bare copy of an app's repository on the console's disk, fetched from the repository its Generations name
 * ({@code status.commit.repository}: the platform-kept one over Git smart HTTP) with the app's credentials Secret
 * {@code <app>-git-credentials}, read as the user — so in a cluster RBAC decides who may read the code, and a fetch
 * happens on every diff (the credentials are checked each time; only objects already copied are not sent again).
 */
@ApplicationScoped
public class AppRepositoryMirror {
    private final ClusterClients clients;
    private final Path cacheDir;
    private final Map<Path, Object> locks = new ConcurrentHashMap<>();

    @Inject
    public AppRepositoryMirror(ClusterClients clients,
            @ConfigProperty(name = "veroforge.console.git.cache-dir", defaultValue = "${java.io.tmpdir}/veroforge-console-git") String cacheDir) {
        this.clients = clients;
        this.cacheDir = Path.of(cacheDir);
    }

    /** Why the code cannot be shown: no credentials, the repository cannot be reached, … in words for the page. */
    public static final class RepositoryUnavailable extends Exception {
        public RepositoryUnavailable(String message) {
            super(message);
        }
    }

    /** The app's repository with the remote's branches as {@code refs/remotes/origin/*}; the caller closes it. */
    public Repository fetched(ConsoleUser user, String namespace, String app, String url) throws RepositoryUnavailable {
        if (url == null || url.isBlank()) {
            throw new RepositoryUnavailable("no repository recorded yet (status.commit.repository is empty: the Commit stage has not run)");
        }
        String secretName = app + "-git-credentials";
        Secret secret = clients.readAs(user, c -> c.secrets().inNamespace(namespace).withName(secretName).get())
                .orElseThrow(() -> new RepositoryUnavailable("the Secret " + secretName + " in " + namespace
                        + " cannot be read (missing, or RBAC does not let you read it)"));
        String username = decoded(secret, "username");
        String password = decoded(secret, "password");
        if (username == null || password == null) {
            throw new RepositoryUnavailable("the Secret " + secretName + " holds no username or password");
        }
        Path dir = cacheDir.resolve(namespace).resolve(app + ".git");
        synchronized (locks.computeIfAbsent(dir, d -> new Object())) {
            try {
                Files.createDirectories(dir);
                Git git = Files.exists(dir.resolve("HEAD")) ? Git.open(dir.toFile())
                        : Git.init().setBare(true).setDirectory(dir.toFile()).call();
                try {
                    git.fetch().setRemote(url).setRefSpecs(new RefSpec("+refs/heads/*:refs/remotes/origin/*"))
                            .setCredentialsProvider(new UsernamePasswordCredentialsProvider(username, password))
                            .setTimeout(20).setRemoveDeletedRefs(true).call();
                } catch (GitAPIException | RuntimeException refused) {
                    git.close();
                    throw new RepositoryUnavailable("the repository " + url + " cannot be read: " + refused.getMessage());
                }
                return git.getRepository();
            } catch (IOException | GitAPIException e) {
                throw new RepositoryUnavailable("the console's copy of the repository (" + dir + ") cannot be used: " + e.getMessage());
            }
        }
    }

    private static String decoded(Secret secret, String key) {
        if (secret.getData() != null && secret.getData().get(key) != null) {
            return new String(Base64.getDecoder().decode(secret.getData().get(key)), StandardCharsets.UTF_8);
        }
        return secret.getStringData() == null ? null : secret.getStringData().get(key);
    }
}
