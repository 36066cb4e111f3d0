package io.veroforge.operator.delivery;

/**
 * The commit a Generation's code lives in.
 *
 * @param url               repository URL (https://, http:// for the platform's own Git server, ssh:// or git@)
 * @param branch            the branch holding the commit
 * @param sha               the commit
 * @param credentialsSecret Secret in the tenant namespace with keys {@code username} and {@code password}; null for none
 */
public record GitSource(String url, String branch, String sha, String credentialsSecret) {
}
