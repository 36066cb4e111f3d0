package io.veroforge.generator.git;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.TransportCommand;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.api.errors.JGitInternalException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.PushResult;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.eclipse.jgit.transport.SshTransport;
import org.eclipse.jgit.transport.URIish;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.eclipse.jgit.transport.sshd.SshdSessionFactory;
import org.eclipse.jgit.transport.sshd.SshdSessionFactoryBuilder;

/**
 * Keeps a bare mirror of the customer's remote repository in step: every branch is fetched
 * (forced, deleted branches pruned) before a publish, and only the branches the publish wrote are
 * pushed after it, without force except for the platform-owned conflicts branch. The remote is the
 * truth: commits a failed push left in the mirror are discarded by the next fetch and written again.
 *
 * <p>SSH uses Apache MINA sshd with the key written to a 0600 file under {@code <mirror>/veroforge-ssh/}
 * only for the duration of one transport operation. Host keys are checked "accept-new": the first
 * key seen for a host is recorded in {@code known_hosts} there and a changed key is refused.
 */
final class RemoteMirror {

    private final Repository mirror;
    private final String url;
    private final String safeUrl;
    private final GitCredentials credentials;
    private final Path sshDirectory;

    RemoteMirror(Repository mirror, Path mirrorDir, String url, GitCredentials credentials) {
        this.mirror = mirror;
        this.url = url;
        this.safeUrl = withoutCredentials(url);
        this.credentials = credentials;
        this.sshDirectory = mirrorDir.resolve("veroforge-ssh");
    }

    String safeUrl() {
        return safeUrl;
    }

    void fetch() throws GitUnavailableException {
        try (Git git = Git.wrap(mirror)) {
            run(git.fetch().setRemote(url).setRemoveDeletedRefs(true)
                    .setRefSpecs(new RefSpec("+" + Constants.R_HEADS + "*:" + Constants.R_HEADS + "*")), "fetch from");
        }
    }

    /** @param forcedBranch a branch that may be rewritten (the conflicts branch), or null */
    void push(List<String> branches, String forcedBranch) throws GitUnavailableException {
        List<RefSpec> specs = new ArrayList<>();
        for (String branch : branches) {
            String ref = Constants.R_HEADS + branch;
            specs.add(new RefSpec(ref + ":" + ref).setForceUpdate(branch.equals(forcedBranch)));
        }
        try (Git git = Git.wrap(mirror)) {
            Iterable<PushResult> results = run(git.push().setRemote(url).setRefSpecs(specs), "push to");
            for (PushResult result : results) {
                for (RemoteRefUpdate update : result.getRemoteUpdates()) {
                    if (update.getStatus() != RemoteRefUpdate.Status.OK && update.getStatus() != RemoteRefUpdate.Status.UP_TO_DATE) {
                        throw new GitUnavailableException("Git remote " + safeUrl + " refused " + update.getRemoteName() + ": "
                                + update.getStatus() + (update.getMessage() == null ? "" : " (" + update.getMessage() + ")")
                                + " — someone pushed to it meanwhile or it is protected; check branch protection and publish again");
                    }
                }
            }
        }
    }

    private <T> T run(TransportCommand<?, T> command, String action) throws GitUnavailableException {
        SshdSessionFactory ssh = null;
        try {
            if (credentials instanceof GitCredentials.UsernamePassword up) {
                command.setCredentialsProvider(new UsernamePasswordCredentialsProvider(up.user(), up.password()));
            } else if (credentials instanceof GitCredentials.SshKey key) {
                SshdSessionFactory factory = sshSessionFactory(key);
                ssh = factory;
                command.setTransportConfigCallback(transport -> {
                    if (transport instanceof SshTransport sshTransport) {
                        sshTransport.setSshSessionFactory(factory);
                    }
                });
            }
            command.setTimeout(60);
            return command.call();
        } catch (GitAPIException | JGitInternalException e) {
            throw new GitUnavailableException("cannot " + action + " Git remote " + safeUrl + ": " + scrub(e.getMessage())
                    + " — check the URL, that the host is reachable from the platform, and the credentials", e);
        } catch (IOException e) {
            throw new GitUnavailableException("cannot prepare the SSH key for Git remote " + safeUrl + " in " + sshDirectory
                    + ": " + e.getMessage() + " — check that the mirror directory is writable", e);
        } finally {
            if (ssh != null) {
                ssh.close();
            }
            deleteKey();
        }
    }

    private SshdSessionFactory sshSessionFactory(GitCredentials.SshKey key) throws IOException {
        Files.createDirectories(sshDirectory);
        Path keyFile = sshDirectory.resolve("id_veroforge");
        Files.deleteIfExists(keyFile);
        try {
            Files.createFile(keyFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(keyFile);
        }
        String pem = key.privateKeyPem().endsWith("\n") ? key.privateKeyPem() : key.privateKeyPem() + "\n";
        Files.writeString(keyFile, pem, StandardCharsets.UTF_8);
        Path knownHosts = sshDirectory.resolve("known_hosts");
        if (Files.notExists(knownHosts)) {
            // JGit appends accepted host keys only to an existing file (creating one needs a user to ask)
            Files.createFile(knownHosts);
        }
        Path config = sshDirectory.resolve("config");
        // With IdentitiesOnly, JGit offers only the config's IdentityFile keys, never the default identities
        Files.writeString(config, "Host *\n  StrictHostKeyChecking accept-new\n  IdentityFile \"" + keyFile.toAbsolutePath()
                + "\"\n  IdentitiesOnly yes\n  PreferredAuthentications publickey\n", StandardCharsets.UTF_8);
        return new SshdSessionFactoryBuilder()
                .setHomeDirectory(sshDirectory.toFile())
                .setSshDirectory(sshDirectory.toFile())
                .setConfigFile(ignored -> config.toFile())
                .setDefaultIdentities(ignored -> List.of(keyFile))
                .build(null);
    }

    private void deleteKey() {
        try {
            Files.deleteIfExists(sshDirectory.resolve("id_veroforge"));
        } catch (IOException e) {
            // the next SSH operation deletes and rewrites it before use; nothing else reads it
        }
    }

    /** JGit's messages carry the URL as given; a password in it must not reach logs or status. */
    private String scrub(String message) {
        if (message == null) {
            return "no detail";
        }
        String scrubbed = message.replace(url, safeUrl);
        if (credentials instanceof GitCredentials.UsernamePassword up && up.password() != null && !up.password().isEmpty()) {
            scrubbed = scrubbed.replace(up.password(), "***");
        }
        return scrubbed;
    }

    static String withoutCredentials(String url) {
        try {
            return new URIish(url).setPass(null).toString();
        } catch (URISyntaxException e) {
            return "(unparseable URL)";
        }
    }
}
