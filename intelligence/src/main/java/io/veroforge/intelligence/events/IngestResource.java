package io.veroforge.intelligence.events;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.veroforge.intelligence.IntelligenceConfig;

/**
 * Usage and satisfaction events from generated apps (page and feature use, the "was this screen
 * useful?" widget), in batches. The app's token says which customer it is — the body cannot —
 * and apps may send only these two types, so an app cannot forge pipeline telemetry. A batch is
 * all or nothing: any event that breaks the contract fails it with the index and the problem.
 */
@Path("/api/v1/events")
public class IngestResource {
    static final int MAX_BATCH = 1_000;
    private static final Set<String> APP_TYPES = Set.of("usage", "satisfaction");
    private final EventContract contract;
    private final Map<String, String> customerByToken;
    private final MutinyEmitter<String> usage;
    private final MutinyEmitter<String> satisfaction;

    public IngestResource(EventContract contract, IntelligenceConfig config, @Channel("usage-out") MutinyEmitter<String> usage,
            @Channel("satisfaction-out") MutinyEmitter<String> satisfaction) {
        this.contract = contract;
        this.customerByToken = config.ingestTokens().entrySet().stream()
                .collect(java.util.stream.Collectors.toUnmodifiableMap(Map.Entry::getValue, Map.Entry::getKey));
        this.usage = usage;
        this.satisfaction = satisfaction;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> ingest(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, JsonNode batch) {
        String customerId = customerOf(authorization);
        if (batch == null || !batch.isArray()) {
            return answer(400, List.of("body: expected a JSON array of events, e.g. [{\"type\":\"usage\",\"data\":{…}}]"));
        }
        if (batch.size() > MAX_BATCH) {
            return answer(413, List.of("body: " + batch.size() + " events; send at most " + MAX_BATCH + " per request"));
        }
        List<String> problems = new ArrayList<>();
        List<ObjectNode> events = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            JsonNode node = batch.get(i);
            if (!node.isObject()) {
                problems.add("[" + i + "]: not an object");
                continue;
            }
            ObjectNode event = ((ObjectNode) node).deepCopy();
            if (!APP_TYPES.contains(event.path("type").asText())) {
                problems.add("[" + i + "].type: apps send usage or satisfaction, not \"" + event.path("type").asText() + "\"");
                continue;
            }
            event.put("customerId", customerId);
            if (!event.hasNonNull("id")) {
                event.put("id", UUID.randomUUID().toString());
            }
            if (!event.hasNonNull("timestamp")) {
                event.put("timestamp", OffsetDateTime.now(ZoneOffset.UTC).toString());
            }
            int index = i;
            contract.violation(event).ifPresentOrElse(p -> problems.add("[" + index + "]: " + p), () -> events.add(event));
        }
        if (!problems.isEmpty()) {
            return answer(422, problems);
        }
        return Multi.createFrom().iterable(events)
                .onItem().transformToUniAndConcatenate(e -> ("usage".equals(e.path("type").asText()) ? usage : satisfaction)
                        .sendMessage(Message.of(e.toString()).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                                .withKey(customerId).build())))
                .collect().asList()
                .map(sent -> Response.accepted(Map.of("accepted", events.size())).build());
    }

    private String customerOf(String authorization) {
        if (authorization != null && authorization.startsWith("Bearer ")) {
            String customer = customerByToken.get(authorization.substring("Bearer ".length()).trim());
            if (customer != null) {
                return customer;
            }
        }
        throw new NotAuthorizedException("an app ingest token is required (veroforge.intelligence.ingest-tokens)", "Bearer");
    }

    private static Uni<Response> answer(int status, List<String> problems) {
        return Uni.createFrom().item(Response.status(status).entity(Map.of("problems", problems)).type(MediaType.APPLICATION_JSON).build());
    }
}
