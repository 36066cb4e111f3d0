package io.veroforge.operator.delivery.git;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.util.FileUtils;

/** Bare repositories with one commit on main, as the platform would have published them. */
final class RepositoryFixtures {
    static final String README = "README.md";

    private RepositoryFixtures() {
    }

    /** Creates a bare repository at {@code bareDir} whose main holds {@code README.md} with {@code content}. */
    static RevCommit bareRepositoryWithReadme(Path bareDir, String content) throws IOException, GitAPIException {
        Path work = Files.createTempDirectory("veroforge-work");
        try (Git bare = Git.init().setBare(true).setInitialBranch("main").setDirectory(bareDir.toFile()).call();
                Git git = Git.init().setInitialBranch("main").setDirectory(work.toFile()).call()) {
            Files.writeString(work.resolve(README), content);
            git.add().addFilepattern(README).call();
            PersonIdent platform = new PersonIdent("VeroForge", "platform@veroforge.io");
            RevCommit commit = git.commit().setMessage("Generated").setAuthor(platform).setCommitter(platform).call();
            git.push().setRemote(bareDir.toUri().toString()).add("main").call();
            return commit;
        } finally {
            FileUtils.delete(work.toFile(), FileUtils.RECURSIVE);
        }
    }

    /** Credentials of several apps at once, as the Kubernetes-backed implementation would answer. */
    static RepositoryCredentials inMemory(Map<String, String> passwordsByNamespaceSlashApp) {
        return (namespace, app, username, password) ->
                username.equals(app) && password.equals(passwordsByNamespaceSlashApp.get(namespace + "/" + app));
    }
}
