package io.veroforge.intelligence.events;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import io.veroforge.api.telemetry.TelemetryEventSchema;

/**
 * The event contract both sides share (the JSON Schema in the telemetry-contract jar). An event
 * that breaks it is kept aside with the reason, never half-stored.
 */
@ApplicationScoped
public class EventContract {
    private final JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
            .getSchema(TelemetryEventSchema.open());

    /** Why the event breaks the contract, or empty when it keeps it. */
    public Optional<String> violation(JsonNode event) {
        Set<ValidationMessage> problems = schema.validate(event);
        if (problems.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(problems.stream().map(ValidationMessage::getMessage).sorted().collect(Collectors.joining("; ")));
    }
}
