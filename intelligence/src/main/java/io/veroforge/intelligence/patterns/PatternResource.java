package io.veroforge.intelligence.patterns;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/** The patterns found so far (counts and structure only, so no tenant can be read from them). */
@Path("/api/v1/patterns")
@Produces(MediaType.APPLICATION_JSON)
public class PatternResource {
    @GET
    @WithSession
    public Uni<List<Pattern>> list() {
        return Pattern.list("order by evidenceTenants desc, id");
    }
}
