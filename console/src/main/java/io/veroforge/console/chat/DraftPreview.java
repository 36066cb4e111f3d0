package io.veroforge.console.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

import io.fabric8.kubernetes.api.model.Condition;
import io.veroforge.api.v1alpha1.AppSpec;
import io.veroforge.api.v1alpha1.AppSpecStatus;
import io.veroforge.console.apps.ModelDiagram;

/**
 * What the operator made of a draft, read from the AppSpec's status: the proposed entities with their fields and
 * relations and where each came from (the resolver's origin: the analyzer's engine, phrase and confidence for what it
 * read in the requirements), or why there is no preview yet. A status older than the spec is not shown as the answer
 * to the newest message: the page waits for the reconciler ({@link State#WAITING}).
 */
public record DraftPreview(State state, String message, List<ProposedEntity> entities, int relations, List<String> warnings,
        JsonNode model) {

    public enum State {
        /** The reconciler has not yet read the newest spec. */
        WAITING,
        /** The model of the newest spec is in status.preview. */
        PREVIEWED,
        /** The newest spec did not resolve (or resolved too large); the message says why, naming the field. */
        REFUSED,
        /** No longer a draft: Create was pressed, Generations follow. */
        CREATED
    }

    /** {@code fromRequirements}: proposed by the analyzer from the person's words (not declared, not an ontology default). */
    public record ProposedEntity(String name, String origin, boolean fromRequirements, List<ProposedField> fields,
            List<ProposedRelation> relations) {
    }

    public record ProposedField(String name, String type, boolean required, String origin) {
    }

    public record ProposedRelation(String name, String kind, String target, String origin) {
    }

    public static DraftPreview of(AppSpec app) {
        AppSpecStatus status = app.getStatus();
        if (app.getSpec() != null && !app.getSpec().drafted()) {
            return empty(State.CREATED, "no longer a draft: the operator records Generations of it");
        }
        Long generation = app.getMetadata().getGeneration();
        if (status == null || status.getObservedGeneration() == null
                || generation != null && status.getObservedGeneration() < generation) {
            return empty(State.WAITING, "the operator is reading the newest description");
        }
        Condition ready = status.condition("Ready").orElse(null);
        if (ready == null || !"Draft".equals(ready.getReason()) || status.getPreview() == null) {
            return empty(State.REFUSED, ready == null ? "the operator reported no Ready condition"
                    : ready.getReason() + ": " + ready.getMessage());
        }
        JsonNode model;
        try {
            model = status.previewModel();
        } catch (RuntimeException unreadable) {
            return empty(State.REFUSED, "status.preview cannot be read: " + unreadable.getMessage());
        }
        List<ProposedEntity> entities = new ArrayList<>();
        int relations = 0;
        for (JsonNode entity : model.path("entities")) {
            List<ProposedField> fields = new ArrayList<>();
            for (JsonNode field : entity.path("fields")) {
                fields.add(new ProposedField(field.path("name").asText(), lower(field.path("type").asText()),
                        field.path("required").asBoolean(), origin(field)));
            }
            List<ProposedRelation> links = new ArrayList<>();
            for (JsonNode relation : entity.path("relations")) {
                links.add(new ProposedRelation(relation.path("name").asText(), lower(relation.path("kind").asText()),
                        relation.path("target").asText(), origin(relation)));
                relations += relation.path("owning").asBoolean(false) ? 1 : 0;
            }
            entities.add(new ProposedEntity(entity.path("name").asText(), origin(entity),
                    "REQUIREMENTS".equals(entity.path("origin").path("kind").asText()), fields, links));
        }
        return new DraftPreview(State.PREVIEWED, status.condition("Resolved").map(Condition::getMessage).orElse(""),
                List.copyOf(entities), relations, status.getWarnings(), model);
    }

    public boolean previewed() {
        return state == State.PREVIEWED;
    }

    public boolean waiting() {
        return state == State.WAITING;
    }

    public boolean refused() {
        return state == State.REFUSED;
    }

    public ModelDiagram diagram(String app) {
        return ModelDiagram.of("the preview of " + app, model);
    }

    /** The console's answer in the transcript: what the preview proposes, in a sentence a person reads. */
    public String summary() {
        if (state != State.PREVIEWED) {
            return message;
        }
        StringBuilder text = new StringBuilder("I propose " + entities.size() + (entities.size() == 1 ? " entity: " : " entities: "));
        for (int i = 0; i < entities.size(); i++) {
            ProposedEntity e = entities.get(i);
            text.append(i == 0 ? "" : ", ").append(e.name()).append(" (").append(e.fields().size()).append(" fields")
                    .append(e.fromRequirements() ? ", from your words" : "").append(')');
        }
        return text.append("; ").append(relations).append(relations == 1 ? " relation." : " relations.").toString();
    }

    /** The resolver's origin of an element: "requirements: embedding …, \"phrase\", confidence 0.87", "vertical: …". */
    static String origin(JsonNode element) {
        String provenance = ModelDiagram.provenance("", element);
        return provenance.startsWith(" — ") ? provenance.substring(3) : provenance;
    }

    private static String lower(String constant) {
        return constant.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static DraftPreview empty(State state, String message) {
        return new DraftPreview(state, message, List.of(), 0, List.of(), null);
    }
}
