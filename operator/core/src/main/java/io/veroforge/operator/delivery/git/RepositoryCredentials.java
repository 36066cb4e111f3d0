package io.veroforge.operator.delivery.git;

/**
 * Decides whether a request presenting HTTP Basic credentials may read one app's repository.
 * Implementations answer per repository: credentials that open app A say nothing about app B.
 */
@FunctionalInterface
public interface RepositoryCredentials {

    /**
     * @param namespace the app's namespace, already checked to be a DNS-1123 label
     * @param app the app's name, already checked to be a DNS-1123 label
     * @param username as presented by the client, never null
     * @param password as presented by the client, never null
     */
    boolean allows(String namespace, String app, String username, String password);
}
