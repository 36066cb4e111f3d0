package io.veroforge.generator.git;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.auth.pubkey.KeySetPublickeyAuthenticator;
import org.apache.sshd.server.auth.pubkey.UserAuthPublicKeyFactory;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.ReceivePack;
import org.eclipse.jgit.transport.UploadPack;

/**
 * A Git server speaking SSH on 127.0.0.1 (ephemeral port), as GitHub or GitLab would: public-key
 * authentication only, for exactly one client key, serving {@code git-upload-pack '<path>'} and
 * {@code git-receive-pack '<path>'} from bare repositories under {@code root} with JGit.
 */
final class SshGitServer implements AutoCloseable {

    private static final Pattern GIT_COMMAND = Pattern.compile("(git-upload-pack|git-receive-pack) '([^']+)'");

    private final SshServer sshd;
    private final Path root;
    /** Commands served, as {@code "git-upload-pack /app.git"}, in order. */
    final List<String> served = new CopyOnWriteArrayList<>();

    /** @param hostKeyFile where the host key is generated on first start and read on later ones */
    SshGitServer(Path root, Path hostKeyFile, PublicKey authorizedKey) throws IOException {
        this.root = root.toAbsolutePath().normalize();
        sshd = SshServer.setUpDefaultServer();
        sshd.setHost("127.0.0.1");
        sshd.setPort(0);
        sshd.setKeyPairProvider(new SimpleGeneratorHostKeyProvider(hostKeyFile));
        sshd.setUserAuthFactories(List.of(new UserAuthPublicKeyFactory()));
        sshd.setPublickeyAuthenticator(new KeySetPublickeyAuthenticator("the one client key", List.of(authorizedKey)));
        sshd.setPasswordAuthenticator(null);
        sshd.setKeyboardInteractiveAuthenticator(null);
        sshd.setCommandFactory((channel, command) -> gitCommand(command));
        sshd.start();
    }

    int port() {
        return sshd.getPort();
    }

    private Command gitCommand(String command) throws IOException {
        Matcher m = GIT_COMMAND.matcher(command);
        if (!m.matches()) {
            throw new IOException("not a Git command: " + command);
        }
        Path dir = root.resolve(m.group(2).replaceFirst("^/+", "")).normalize();
        if (!dir.startsWith(root) || dir.equals(root)) {
            throw new IOException("outside the served root: " + m.group(2));
        }
        served.add(m.group(1) + " /" + root.relativize(dir));
        return new GitPackCommand(m.group(1).equals("git-receive-pack"), dir);
    }

    @Override
    public void close() throws IOException {
        sshd.stop(true);
    }

    /** Runs UploadPack or ReceivePack on the channel's streams in its own thread, then exits 0 (or 1 on failure). */
    private static final class GitPackCommand implements Command {
        private final boolean receive;
        private final Path dir;
        private InputStream in;
        private OutputStream out;
        private OutputStream err;
        private ExitCallback exit;

        GitPackCommand(boolean receive, Path dir) {
            this.receive = receive;
            this.dir = dir;
        }

        @Override
        public void setInputStream(InputStream in) {
            this.in = in;
        }

        @Override
        public void setOutputStream(OutputStream out) {
            this.out = out;
        }

        @Override
        public void setErrorStream(OutputStream err) {
            this.err = err;
        }

        @Override
        public void setExitCallback(ExitCallback exit) {
            this.exit = exit;
        }

        @Override
        public void start(ChannelSession channel, Environment env) {
            Thread worker = new Thread(() -> {
                try (Repository repo = new FileRepositoryBuilder().setGitDir(dir.toFile()).setMustExist(true).build()) {
                    if (receive) {
                        new ReceivePack(repo).receive(in, out, err);
                    } else {
                        new UploadPack(repo).upload(in, out, err);
                    }
                    out.flush();
                    exit.onExit(0);
                } catch (Exception e) {
                    exit.onExit(1, String.valueOf(e.getMessage()));
                }
            }, "ssh-git-" + (receive ? "receive-pack" : "upload-pack"));
            worker.setDaemon(true);
            worker.start();
        }

        @Override
        public void destroy(ChannelSession channel) {
            // the worker ends when the channel's streams close
        }
    }
}
