package io.veroforge.console.bench;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * The server's own time for a page, as a {@code Server-Timing: page;dur=<ms>} header: from the request reaching the
 * resource's filters to the response leaving them, so it covers the Kubernetes reads and the Qute render but not the
 * client, the socket or the sign-in cookie's check. Test code, and inert unless the benchmark's system property
 * {@code bench.server-timing} is {@code true}, so no other test sees the header.
 */
public class ServerTiming {
    static final String HEADER = "Server-Timing";
    private static final String STARTED = ServerTiming.class.getName() + ".started";
    private static final boolean ON = Boolean.getBoolean("bench.server-timing");

    @ServerRequestFilter(preMatching = true)
    public void started(ContainerRequestContext request) {
        if (ON) {
            request.setProperty(STARTED, System.nanoTime());
        }
    }

    @ServerResponseFilter
    public void finished(ContainerRequestContext request, ContainerResponseContext response) {
        if (ON && request.getProperty(STARTED) instanceof Long started) {
            response.getHeaders().putSingle(HEADER, String.format(java.util.Locale.ROOT, "page;dur=%.3f",
                    (System.nanoTime() - started) / 1e6));
        }
    }
}
