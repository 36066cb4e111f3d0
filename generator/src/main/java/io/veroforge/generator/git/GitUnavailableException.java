package io.veroforge.generator.git;

/**
 * Git could not be read or written: the remote is unreachable, refused the credentials or a push,
 * or the local repository is damaged. Transient from the operator's point of view (retry with
 * backoff). The message names the repository (a URL without credentials, or a directory) and says
 * what to check; it never contains a password, token or key.
 */
public class GitUnavailableException extends Exception {

    public GitUnavailableException(String message) {
        super(message);
    }

    public GitUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
