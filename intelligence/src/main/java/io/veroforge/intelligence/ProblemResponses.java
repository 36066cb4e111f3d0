package io.veroforge.intelligence;

import java.util.Map;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Refusals carry their reason in the body ({@code {"problem": "reason: a rejection needs a
 * reason…"}}) so a reviewer's client shows what to fix, not a bare status.
 */
public class ProblemResponses {
    @ServerExceptionMapper
    public Response refused(WebApplicationException e) {
        Response original = e.getResponse();
        return Response.fromResponse(original).entity(Map.of("problem", String.valueOf(e.getMessage())))
                .type(MediaType.APPLICATION_JSON).build();
    }
}
