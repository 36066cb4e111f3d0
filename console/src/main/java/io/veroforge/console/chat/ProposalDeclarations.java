package io.veroforge.console.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;

import io.veroforge.api.v1alpha1.EntitySpec;
import io.veroforge.api.v1alpha1.FieldSpec;
import io.veroforge.api.v1alpha1.RelationKind;
import io.veroforge.api.v1alpha1.RelationSpec;

/**
 * The previewed model written out as the spec's own declarations, for the first field a person sets by hand: a spec
 * that declares entities is what it declares (the analyzer no longer proposes beside it, an entity with fields gets
 * no inferred ones), so declaring only the edited field would drop the rest of the proposal. Every entity the
 * resolver did not merely derive is declared with its fields (name, type, required, enum values) and the relations it
 * owns (the resolver adds the inverse sides); what it derived (a placeholder name field, an inverse) is left to it again.
 * From then on their origin is explicit: the transcript records the edit that froze them.
 */
final class ProposalDeclarations {
    private ProposalDeclarations() {
    }

    static List<EntitySpec> of(JsonNode model) {
        List<JsonNode> entities = StreamSupport.stream(model.path("entities").spliterator(), false)
                .filter(e -> !derived(e)).toList();
        Set<String> declared = entities.stream().map(e -> e.path("name").asText()).collect(Collectors.toSet());
        List<EntitySpec> specs = new ArrayList<>();
        for (JsonNode entity : entities) {
            EntitySpec spec = new EntitySpec(entity.path("name").asText());
            List<FieldSpec> fields = new ArrayList<>();
            for (JsonNode field : entity.path("fields")) {
                ChatPages.fieldType(field.path("type").asText().toLowerCase(Locale.ROOT)).filter(t -> !derived(field)).ifPresent(type -> {
                    FieldSpec f = new FieldSpec(field.path("name").asText(), type);
                    f.setRequired(field.path("required").asBoolean(false) ? Boolean.TRUE : null);
                    List<String> values = new ArrayList<>();
                    field.path("values").forEach(v -> values.add(v.asText()));
                    f.setValues(values);
                    fields.add(f);
                });
            }
            spec.setFields(fields);
            List<RelationSpec> relations = new ArrayList<>();
            for (JsonNode relation : entity.path("relations")) {
                RelationKind kind = kind(relation.path("kind").asText());
                if (relation.path("owning").asBoolean(false) && kind != null && declared.contains(relation.path("target").asText())) {
                    RelationSpec r = new RelationSpec();
                    r.setName(relation.path("name").asText());
                    r.setKind(kind);
                    r.setTarget(relation.path("target").asText());
                    r.setRequired(relation.path("required").asBoolean(false) ? Boolean.TRUE : null);
                    relations.add(r);
                }
            }
            spec.setRelations(relations);
            specs.add(spec);
        }
        return specs;
    }

    private static boolean derived(JsonNode element) {
        return "DERIVED".equals(element.path("origin").path("kind").asText());
    }

    /** MANY_TO_ONE → manyToOne. */
    private static RelationKind kind(String constant) {
        String[] words = constant.toLowerCase(Locale.ROOT).split("_");
        StringBuilder camel = new StringBuilder(words[0]);
        for (int i = 1; i < words.length; i++) {
            camel.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
        }
        for (RelationKind kind : RelationKind.values()) {
            if (kind.name().equals(camel.toString())) {
                return kind;
            }
        }
        return null;
    }
}
