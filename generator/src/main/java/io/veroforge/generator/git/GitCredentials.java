package io.veroforge.generator.git;

/**
 * How to authenticate to a remote repository. {@code toString()} never shows the secret, so a
 * credentials object can end up in a log line without leaking it.
 */
public sealed interface GitCredentials {

    static GitCredentials none() {
        return None.INSTANCE;
    }

    /** HTTPS: a user name and a password or access token. */
    static GitCredentials usernamePassword(String user, String password) {
        return new UsernamePassword(user, password);
    }

    /** SSH: an unencrypted private key in PEM / OpenSSH format. */
    static GitCredentials sshKey(String privateKeyPem) {
        return new SshKey(privateKeyPem);
    }

    /** Anonymous access (public repositories, {@code file://} in tests). */
    enum None implements GitCredentials {
        INSTANCE
    }

    record UsernamePassword(String user, String password) implements GitCredentials {
        @Override
        public String toString() {
            return "UsernamePassword[user=" + user + ", password=***]";
        }
    }

    record SshKey(String privateKeyPem) implements GitCredentials {
        @Override
        public String toString() {
            return "SshKey[***]";
        }
    }
}
