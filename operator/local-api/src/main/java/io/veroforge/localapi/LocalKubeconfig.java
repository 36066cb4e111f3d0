package io.veroforge.localapi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the kubeconfig that points kubectl at the local API: one cluster, user and context,
 * all named {@code veroforge-local}, default namespace {@code default}. The local API has no
 * authentication, so the user entry is empty. Written to {@code .local/kubeconfig} under the
 * working directory unless told otherwise, never to ~/.kube, so a user's real clusters are
 * untouched.
 */
public record LocalKubeconfig(Path file, String serverUrl) {

    public static final String NAME = "veroforge-local";

    public static Path defaultFile() {
        return Path.of(".local", "kubeconfig").toAbsolutePath();
    }

    public static LocalKubeconfig write(Path file, String serverUrl) {
        Path absolute = file.toAbsolutePath();
        try {
            Files.createDirectories(absolute.getParent());
            Files.writeString(absolute, render(serverUrl));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write kubeconfig " + absolute, e);
        }
        return new LocalKubeconfig(absolute, serverUrl);
    }

    static String render(String serverUrl) {
        return """
                apiVersion: v1
                kind: Config
                clusters:
                - name: %1$s
                  cluster:
                    server: %2$s
                users:
                - name: %1$s
                  user: {}
                contexts:
                - name: %1$s
                  context:
                    cluster: %1$s
                    user: %1$s
                    namespace: default
                current-context: %1$s
                preferences: {}
                """.formatted(NAME, serverUrl);
    }

    /** The line a user pastes into a shell. */
    public String exportCommand() {
        return "export KUBECONFIG=" + file;
    }
}
