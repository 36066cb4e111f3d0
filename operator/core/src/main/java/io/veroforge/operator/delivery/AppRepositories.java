package io.veroforge.operator.delivery;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.veroforge.api.v1alpha1.AppSpec;
import io.veroforge.api.v1alpha1.GitRepositorySpec;
import io.veroforge.generator.git.AppRepository;
import io.veroforge.generator.git.GitCredentials;
import io.veroforge.generator.git.GitUnavailableException;
import io.veroforge.operator.delivery.git.AppGitCredentials;
import io.veroforge.operator.delivery.git.PlatformGit;
import io.veroforge.operator.secrets.SecretValues;

/**
 * The Git repository of an app: the remote its AppSpec names ({@code spec.delivery.git}, with
 * credentials from the Secret it names), or the one the platform keeps on its volume and serves
 * read-only over smart HTTP, with per-app credentials the operator creates.
 */
@ApplicationScoped
public class AppRepositories {
    /** Directory (under the Git root) of the mirrors of remote repositories; not a DNS label, so never served. */
    static final String MIRRORS = "_remote";

    private final KubernetesClient client;
    private final PlatformGit platform;
    private final Map<String, Object> locks = new ConcurrentHashMap<>();

    public AppRepositories(KubernetesClient client, PlatformGit platform) {
        this.client = client;
        this.platform = platform;
    }

    /**
     * @param repository  open it, use it, close it; hold {@code lock} meanwhile: one writer per repository
     * @param url         where readers clone from (ArgoCD, kaniko, people)
     * @param credentials Secret in the app's namespace with {@code username}/{@code password} for readers; null for SSH remotes
     */
    public record OpenedRepository(AppRepository repository, String url, Object lock, String credentials) {
    }

    public String customerBranch(AppSpec app) {
        GitRepositorySpec git = remote(app);
        return git == null || git.getBranch() == null ? "main" : git.getBranch();
    }

    /** Secret in the app's namespace with the repository's credentials (username/password or ssh-privatekey); null: anonymous. */
    public String credentialsSecret(AppSpec app) {
        GitRepositorySpec git = remote(app);
        return git == null ? AppGitCredentials.secretName(app.getMetadata().getName()) : git.getSecretRef();
    }

    /** Secret with username/password readers (kaniko) clone with; null when none applies (SSH, anonymous). */
    public String readerCredentials(AppSpec app) {
        GitRepositorySpec git = remote(app);
        if (git == null) {
            return AppGitCredentials.secretName(app.getMetadata().getName());
        }
        return git.getUrl().startsWith("http") ? git.getSecretRef() : null;
    }

    public OpenedRepository open(AppSpec app) throws GitUnavailableException {
        String namespace = app.getMetadata().getNamespace();
        String name = app.getMetadata().getName();
        GitRepositorySpec git = remote(app);
        if (git == null) {
            AppGitCredentials.ensure(client, namespace, name, DeliveryLabels.ownedBy(app));
            Path dir = platform.repositories().pathOf(namespace, name);
            return new OpenedRepository(AppRepository.local(dir), platform.cloneUrl(namespace, name), lock(dir), AppGitCredentials.secretName(name));
        }
        Path mirror = platform.repositories().root().resolve(MIRRORS).resolve(namespace).resolve(name + ".git");
        GitCredentials credentials = credentials(namespace, git);
        boolean ssh = credentials instanceof GitCredentials.SshKey;
        return new OpenedRepository(AppRepository.remote(mirror, git.getUrl(), credentials), git.getUrl(), lock(mirror),
                ssh ? null : git.getSecretRef());
    }

    private GitCredentials credentials(String namespace, GitRepositorySpec git) {
        if (git.getSecretRef() == null) {
            return GitCredentials.none();
        }
        Secret secret = client.secrets().inNamespace(namespace).withName(git.getSecretRef()).get();
        if (secret == null) {
            throw new DeliveryException("spec.delivery.git.secretRef: Secret " + git.getSecretRef() + " does not exist in namespace " + namespace
                    + "; create it with keys username and password (an access token) for https, or ssh-privatekey for ssh");
        }
        String key = value(secret, "ssh-privatekey");
        if (key != null) {
            return GitCredentials.sshKey(key);
        }
        String user = value(secret, "username");
        String password = value(secret, "password");
        if (password == null) {
            throw new DeliveryException("spec.delivery.git.secretRef: Secret " + git.getSecretRef() + " has neither ssh-privatekey nor password; "
                    + "add password (an access token; username optional) or ssh-privatekey");
        }
        return GitCredentials.usernamePassword(user == null ? "veroforge" : user, password);
    }

    private static String value(Secret secret, String key) {
        return SecretValues.get(secret, key).orElse(null);
    }

    private static GitRepositorySpec remote(AppSpec app) {
        return app.getSpec().getDelivery() == null ? null : app.getSpec().getDelivery().getGit();
    }

    private Object lock(Path dir) {
        return locks.computeIfAbsent(dir.toAbsolutePath().normalize().toString(), k -> new Object());
    }
}
