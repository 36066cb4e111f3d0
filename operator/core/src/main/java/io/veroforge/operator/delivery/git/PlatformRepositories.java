package io.veroforge.operator.delivery.git;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;

import org.eclipse.jgit.errors.RepositoryNotFoundException;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.util.FileUtils;

/**
 * Where the platform keeps the bare repository of each app that names no remote repository:
 * {@code <root>/<namespace>/<app>.git} on the operator's volume, cloned by ArgoCD and customers from
 * {@code <base URL>/<namespace>/<app>.git}. Every method rejects names that are not DNS-1123 labels,
 * so no caller can reach a path outside the root.
 */
public final class PlatformRepositories {
    private final Path root;
    private final String baseUrl;

    /**
     * @param root the directory holding one sub-directory per namespace
     * @param baseUrl how clients reach {@link GitHttpServer}, e.g.
     *        {@code http://veroforge-git.veroforge-system.svc:8081}; a trailing {@code /} is ignored
     */
    public PlatformRepositories(Path root, String baseUrl) {
        this.root = root.toAbsolutePath().normalize();
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    public Path root() {
        return root;
    }

    /** How clients reach the repositories, without a trailing {@code /}. */
    public String baseUrl() {
        return baseUrl;
    }

    /**
     * The directory of the app's bare repository (which may not exist yet).
     *
     * @throws IllegalArgumentException when namespace or app is not a DNS-1123 label
     */
    public Path pathOf(String namespace, String app) {
        return pathOf(new AppRepositoryName(namespace, app));
    }

    /** {@code <base URL>/<namespace>/<app>.git}. */
    public String cloneUrl(String namespace, String app) {
        return baseUrl + "/" + new AppRepositoryName(namespace, app).relativePath();
    }

    /**
     * Opens the app's repository if it exists; never creates one. The caller closes it.
     *
     * @throws IllegalArgumentException when namespace or app is not a DNS-1123 label
     */
    public Optional<Repository> open(String namespace, String app) {
        return open(new AppRepositoryName(namespace, app));
    }

    /**
     * Deletes the app's repository and everything in it; nothing happens when there is none.
     *
     * @return whether there was a repository to delete
     */
    public boolean delete(String namespace, String app) {
        Path dir = pathOf(namespace, app);
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        try {
            // JGit's recursive delete does not follow symbolic links out of the directory
            FileUtils.delete(dir.toFile(), FileUtils.RECURSIVE | FileUtils.SKIP_MISSING | FileUtils.RETRY);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete the repository " + dir, e);
        }
    }

    Path pathOf(AppRepositoryName name) {
        Path dir = root.resolve(name.namespace()).resolve(name.app() + AppRepositoryName.SUFFIX).normalize();
        if (!dir.startsWith(root)) {
            // unreachable with label-checked names; kept so a future change to the check fails closed
            throw new IllegalArgumentException("repository path " + dir + " is outside " + root);
        }
        return dir;
    }

    Optional<Repository> open(AppRepositoryName name) {
        File dir = pathOf(name).toFile();
        if (!dir.isDirectory()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new FileRepositoryBuilder().setGitDir(dir).setMustExist(true).setBare().build());
        } catch (RepositoryNotFoundException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("could not open the repository " + dir, e);
        }
    }
}
