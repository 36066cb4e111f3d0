package io.veroforge.intelligence;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Tells operators and the console which service answers and which topics it uses. */
@Path("/api/v1/info")
public class InfoResource {
    private final String applicationName;

    public InfoResource(@ConfigProperty(name = "quarkus.application.name") String applicationName) {
        this.applicationName = applicationName;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public ServiceInfo info() {
        return new ServiceInfo(applicationName, TelemetryTopics.CONSUMED, TelemetryTopics.PRODUCED);
    }
}
