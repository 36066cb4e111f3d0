package io.veroforge.operator.improvements;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.veroforge.generator.overlay.OverlayImprovement;

/**
 * A message of {@code veroforge_improvements} (written by the intelligence engine's ProposalDesk),
 * read into what the overlay can apply. Only {@code ontology_optional_field} is applied by a
 * machine; any other kind is a maintainer's change and is skipped with the reason.
 */
sealed interface ImprovementMessage {
    String APPLIED_KIND = "ontology_optional_field";

    record Apply(OverlayImprovement improvement) implements ImprovementMessage {
    }

    record Skip(String reason) implements ImprovementMessage {
    }

    static ImprovementMessage parse(ObjectMapper json, String value) {
        JsonNode message;
        JsonNode change;
        try {
            message = json.readTree(value);
            if (message == null || !message.isObject()) {
                return new Skip("not a JSON object");
            }
            JsonNode changeText = message.path("change");
            change = changeText.isTextual() ? json.readTree(changeText.asText()) : changeText;
        } catch (Exception e) {
            return new Skip("not JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (!message.path("proposalId").canConvertToLong() || message.path("proposalId").asLong() <= 0) {
            return new Skip("proposalId: missing or not a positive number");
        }
        long proposal = message.path("proposalId").asLong();
        String kind = message.path("kind").asText("");
        if (!APPLIED_KIND.equals(kind)) {
            return new Skip("proposal " + proposal + " is a " + (kind.isEmpty() ? "message without kind" : kind)
                    + ": only " + APPLIED_KIND + " is applied to the overlay; other changes are a maintainer's patch to the pack");
        }
        String type = change.path("ontologyType").asText("");
        JsonNode field = change.path("addField");
        if (type.isEmpty() || !field.path("type").isTextual()) {
            return new Skip("proposal " + proposal + ": change.ontologyType and change.addField.type are required");
        }
        if (field.path("required").asBoolean(false)) {
            return new Skip("proposal " + proposal + ": change.addField.required is true; the overlay adds optional fields only");
        }
        JsonNode evidence = message.path("evidence");
        return new Apply(new OverlayImprovement(proposal, type, field.path("name").isTextual() ? field.path("name").asText() : null,
                field.path("type").asText(), evidence.path("tenants").asInt(0), evidence.path("events").asLong(0),
                evidence.path("confidence").asDouble(0), message.path("approvedBy").asText("unknown")));
    }
}
