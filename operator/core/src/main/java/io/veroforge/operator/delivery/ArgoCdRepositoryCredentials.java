package io.veroforge.operator.delivery;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import io.veroforge.api.v1alpha1.AppSpec;
import io.veroforge.operator.secrets.SecretValues;

/**
 * ArgoCD clones an app's repository with the credentials of a repository Secret in its own
 * namespace (label {@code argocd.argoproj.io/secret-type: repository}, keys {@code url},
 * {@code username}/{@code password} or {@code sshPrivateKey}). The operator writes one per gitops
 * app from the credentials it uses itself (the platform-kept repository's, or the Secret the
 * AppSpec names), keeps it equal when those change, and deletes it with the app.
 */
public final class ArgoCdRepositoryCredentials {
    public static final String SECRET_TYPE_LABEL = "argocd.argoproj.io/secret-type";

    private final KubernetesClient client;
    private final String argoNamespace;

    public ArgoCdRepositoryCredentials(KubernetesClient client, String argoNamespace) {
        this.client = client;
        this.argoNamespace = argoNamespace;
    }

    public static String secretName(AppSpec app) {
        return ArgoCdNames.repositorySecret(app);
    }

    /**
     * @param source Secret in the app's namespace with {@code username}/{@code password} or
     *               {@code ssh-privatekey}; null for a public repository (the Secret then only names the URL)
     */
    public void ensure(AppSpec app, String repoUrl, String source) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("type", "git");
        data.put("url", repoUrl);
        if (source != null) {
            Secret credentials = client.secrets().inNamespace(app.getMetadata().getNamespace()).withName(source).get();
            if (credentials == null) {
                throw new DeliveryException("Secret " + source + " with the repository's credentials does not exist in namespace "
                        + app.getMetadata().getNamespace() + " (ArgoCD needs them to clone " + repoUrl + ")");
            }
            copy(credentials, "username", data, "username");
            copy(credentials, "password", data, "password");
            copy(credentials, "ssh-privatekey", data, "sshPrivateKey");
        }
        Map<String, String> encoded = new LinkedHashMap<>();
        data.forEach((k, v) -> encoded.put(k, Base64.getEncoder().encodeToString(v.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        Secret existing = client.secrets().inNamespace(argoNamespace).withName(secretName(app)).get();
        if (existing != null && encoded.equals(existing.getData())) {
            return;
        }
        Map<String, String> labels = new LinkedHashMap<>(DeliveryLabels.forApp(app.getMetadata().getName()));
        labels.put(SECRET_TYPE_LABEL, "repository");
        client.resource(new SecretBuilder().withNewMetadata().withName(secretName(app)).withNamespace(argoNamespace).withLabels(labels)
                .endMetadata().withData(encoded).build()).createOr(NonDeletingOperation::update);
    }

    /**
     * Deletes the app's repository Secret, and the one of its old name ({@link ArgoCdNames}) when it
     * carries the app's label and names the same repository (then it is surely this app's, not
     * another app's that happened to get the same old name).
     */
    public void delete(AppSpec app) {
        Secret current = client.secrets().inNamespace(argoNamespace).withName(secretName(app)).get();
        Secret legacy = client.secrets().inNamespace(argoNamespace).withName(ArgoCdNames.legacyRepositorySecret(app)).get();
        if (legacy != null && current != null && current.getData() != null && legacy.getData() != null
                && current.getData().get("url") != null && current.getData().get("url").equals(legacy.getData().get("url"))
                && legacy.getMetadata().getLabels() != null
                && app.getMetadata().getName().equals(legacy.getMetadata().getLabels().get(DeliveryLabels.APPSPEC))) {
            client.resource(legacy).delete();
        }
        client.secrets().inNamespace(argoNamespace).withName(secretName(app)).delete();
    }

    private static void copy(Secret from, String key, Map<String, String> to, String as) {
        SecretValues.get(from, key).ifPresent(v -> to.put(as, v));
    }
}
