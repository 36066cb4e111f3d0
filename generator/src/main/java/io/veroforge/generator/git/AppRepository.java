package io.veroforge.generator.git;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.RepositoryCache;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.util.FS;

/**
 * The Git repository of one app, and the {@code publish} stage of the pipeline:
 * <pre>
 *   (remote: fetch) → commit the files on veroforge/generated → merge into the customer branch
 *   → drift → (remote: push)
 * </pre>
 * Every step finds its own earlier result by the Generation's commit trailer, so the operator can
 * call {@link #publish} again after a crash at any point and gets the same result with nothing
 * written twice; the lock files a crash left mid-write are removed once stale ({@link StaleLocks}). Not thread-safe: the operator publishes one Generation of an app at a time.
 */
public final class AppRepository implements AutoCloseable {

    private final Repository repository;
    private final RemoteMirror remote;
    private final String location;
    private final Path gitDir;

    private AppRepository(Repository repository, RemoteMirror remote, String location, Path gitDir) {
        this.repository = repository;
        this.remote = remote;
        this.location = location;
        this.gitDir = gitDir;
    }

    /** A bare repository kept by the platform at {@code dir}; created (bare, default branch main) when missing. */
    public static AppRepository local(Path dir) throws GitUnavailableException {
        return new AppRepository(openOrCreateBare(dir), null, dir.toString(), dir);
    }

    /** A remote repository; a bare mirror is kept in {@code mirrorDir}, fetched before publish, pushed after. */
    public static AppRepository remote(Path mirrorDir, String url, GitCredentials credentials) throws GitUnavailableException {
        Repository mirror = openOrCreateBare(mirrorDir);
        RemoteMirror remote = new RemoteMirror(mirror, mirrorDir, url, credentials);
        return new AppRepository(mirror, remote, remote.safeUrl(), mirrorDir);
    }

    private static Repository openOrCreateBare(Path dir) throws GitUnavailableException {
        try {
            if (RepositoryCache.FileKey.isGitRepository(dir.toFile(), FS.DETECTED)) {
                return Git.open(dir.toFile()).getRepository();
            }
            Files.createDirectories(dir);
            return Git.init().setBare(true).setDirectory(dir.toFile()).setInitialBranch(Publication.DEFAULT_CUSTOMER_BRANCH).call()
                    .getRepository();
        } catch (IOException | GitAPIException e) {
            throw new GitUnavailableException("cannot open or create the Git repository at " + dir + ": " + e.getMessage()
                    + " — check that the directory is writable and has free space", e);
        }
    }

    /**
     * Publishes one Generation's files: a commit on {@code veroforge/generated}, merged into the
     * customer branch (see {@link CustomerBranch} for fast-forward and conflict handling).
     */
    public PublishResult publish(SortedMap<String, String> files, Publication publication) throws GitUnavailableException {
        removeStaleLocks();
        if (remote != null) {
            remote.fetch();
        }
        PublishResult result;
        try (RevWalk walk = new RevWalk(repository)) {
            RevCommit generated = new GeneratedBranch(repository).commit(walk, files, publication);
            CustomerBranch.Outcome outcome = new CustomerBranch(repository).integrate(walk, generated, publication);
            RevCommit customerHead = walk.parseCommit(repository.exactRef(Constants.R_HEADS + publication.customerBranch()).getObjectId());
            RevCommit generatedHead = walk.parseCommit(repository.exactRef(GeneratedBranch.REF).getObjectId());
            List<String> drift = Drift.between(walk.getObjectReader(), customerHead, generatedHead);
            result = new PublishResult(generated.name(), outcome.commit() == null ? null : outcome.commit().name(),
                    outcome.conflicts(), outcome.conflictBranch(), drift);
        } catch (IOException e) {
            throw new GitUnavailableException("cannot write Generation " + publication.generation() + " to the Git repository "
                    + location + ": " + e.getMessage() + " — check disk space and permissions, then publish again", e);
        }
        if (remote != null) {
            List<String> branches = new ArrayList<>(List.of(GeneratedBranch.NAME, publication.customerBranch()));
            if (result.conflictBranch() != null) {
                branches.add(result.conflictBranch());
            }
            remote.push(branches, result.conflictBranch());
        }
        return result;
    }

    /**
     * Files of a commit (or ref) whose paths start with {@code prefix}, e.g. {@code "deploy/k8s/"}
     * for the deploy stage; {@code ""} reads every file. A commit missing from a remote's mirror is
     * fetched once before giving up.
     *
     * @throws IllegalArgumentException when there is no such commit
     */
    public SortedMap<String, String> read(String commitOrRef, String prefix) throws GitUnavailableException {
        try {
            ObjectId id = resolveCommit(commitOrRef);
            if (id == null && remote != null) {
                removeStaleLocks();
                remote.fetch();
                id = resolveCommit(commitOrRef);
            }
            if (id == null) {
                throw new IllegalArgumentException("no commit " + commitOrRef + " in the Git repository " + location);
            }
            try (RevWalk walk = new RevWalk(repository)) {
                return FileTree.read(walk.getObjectReader(), walk.parseCommit(id).getTree(), prefix);
            }
        } catch (IOException e) {
            throw new GitUnavailableException("cannot read " + commitOrRef + " from the Git repository " + location + ": "
                    + e.getMessage() + " — check that the repository directory is intact", e);
        }
    }

    /** What a process killed mid-write left locked (see {@link StaleLocks}), so that this write can go on. */
    private void removeStaleLocks() throws GitUnavailableException {
        try {
            StaleLocks.remove(gitDir, java.time.Instant.now());
        } catch (IOException e) {
            throw new GitUnavailableException("cannot look for lock files left in the Git repository " + location + ": " + e.getMessage()
                    + " — check that the repository directory is readable and writable", e);
        }
    }

    /** The commit a name stands for, or null when there is none (also for a well-formed id of a missing object). */
    private ObjectId resolveCommit(String commitOrRef) throws IOException {
        try {
            return repository.resolve(commitOrRef + "^{commit}");
        } catch (MissingObjectException e) {
            return null;
        }
    }

    @Override
    public void close() {
        repository.close();
    }
}
