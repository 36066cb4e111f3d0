package io.veroforge.operator.delivery.git;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Lets a request through to the Git servlet only with HTTP Basic credentials that
 * {@link RepositoryCredentials} accepts for the repository named by its path. The repository it
 * authenticated is left as a request attribute, and the repository resolver serves no other, so a
 * path that the servlet reads differently from this filter cannot open a second repository.
 */
final class BasicAuthFilter extends HttpFilter {
    /** The {@link AppRepositoryName} the request was authenticated for. */
    static final String AUTHENTICATED_REPOSITORY = BasicAuthFilter.class.getName() + ".repository";
    static final String CHALLENGE = "Basic realm=\"veroforge\"";
    private static final String BASIC = "basic ";

    private final transient RepositoryCredentials credentials;

    BasicAuthFilter(RepositoryCredentials credentials) {
        this.credentials = credentials;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Optional<AppRepositoryName> repository = repositoryOf(request.getPathInfo());
        if (repository.isEmpty()) {
            // not a repository path at all: nothing to authenticate against
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        AppRepositoryName name = repository.get();
        Optional<String[]> presented = basicCredentials(request.getHeader("Authorization"));
        if (presented.isEmpty()
                || !credentials.allows(name.namespace(), name.app(), presented.get()[0], presented.get()[1])) {
            response.setHeader("WWW-Authenticate", CHALLENGE);
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
            return;
        }
        request.setAttribute(AUTHENTICATED_REPOSITORY, name);
        String user = presented.get()[0];
        chain.doFilter(new HttpServletRequestWrapper(request) {
            @Override
            public String getRemoteUser() {
                return user;
            }

            @Override
            public String getAuthType() {
                return HttpServletRequest.BASIC_AUTH;
            }
        }, response);
    }

    /** The repository of a servlet path such as {@code /ns/app.git/info/refs}. */
    static Optional<AppRepositoryName> repositoryOf(String pathInfo) {
        if (pathInfo == null || !pathInfo.startsWith("/")) {
            return Optional.empty();
        }
        String[] segments = pathInfo.substring(1).split("/", 3);
        if (segments.length < 2) {
            return Optional.empty();
        }
        return AppRepositoryName.parse(segments[0] + "/" + segments[1]);
    }

    /** {username, password} from an {@code Authorization: Basic ...} header; empty when malformed. */
    static Optional<String[]> basicCredentials(String header) {
        if (header == null || header.length() <= BASIC.length()
                || !header.substring(0, BASIC.length()).toLowerCase(Locale.ROOT).equals(BASIC)) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(BASIC.length()).trim()),
                    StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        return Optional.of(new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)});
    }
}
