package io.veroforge.generator.ontology;

import io.veroforge.generator.input.FieldInput;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The loaded ontology: universal entities and vertical maps, with the look-ups the resolver needs. */
public record Ontology(List<UniversalEntity> universal, List<VerticalMap> verticals) {

    private static volatile Ontology standard;

    public Ontology {
        universal = List.copyOf(universal);
        verticals = List.copyOf(verticals);
    }

    /** The ontology shipped with the generator, loaded once: resolve runs inside reconcile loops. */
    public static Ontology standard() {
        Ontology loaded = standard;
        if (loaded == null) {
            synchronized (Ontology.class) {
                if (standard == null) {
                    standard = new OntologyLoader().loadBundled();
                }
                loaded = standard;
            }
        }
        return loaded;
    }

    /** A vertical by id or alias, ignoring case. */
    public Optional<VerticalMap> vertical(String idOrAlias) {
        if (idOrAlias == null) {
            return Optional.empty();
        }
        return verticals.stream()
                .filter(v -> v.id().equalsIgnoreCase(idOrAlias) || v.aliases().stream().anyMatch(a -> a.equalsIgnoreCase(idOrAlias)))
                .findFirst();
    }

    public Optional<UniversalEntity> concept(String concept) {
        return universal.stream().filter(u -> u.concept().equals(concept)).findFirst();
    }

    /** A universal entity an app entity's name refers to: its entity name or its concept name. */
    public Optional<UniversalEntity> universalNamed(String entityName) {
        return universal.stream()
                .filter(u -> u.name().equalsIgnoreCase(entityName) || u.concept().equalsIgnoreCase(entityName))
                .findFirst();
    }

    /**
     * This ontology with further default fields on universal entities (by entity name), after their
     * own: how an approved improvement extends the built-in data without editing it.
     */
    public Ontology withAddedFields(Map<String, List<FieldInput>> fieldsByEntity) {
        if (fieldsByEntity.isEmpty()) {
            return this;
        }
        List<UniversalEntity> extended = universal.stream().map(u -> {
            List<FieldInput> added = fieldsByEntity.getOrDefault(u.name(), List.of());
            if (added.isEmpty()) {
                return u;
            }
            List<FieldInput> fields = new ArrayList<>(u.fields());
            fields.addAll(added);
            return new UniversalEntity(u.concept(), u.name(), u.dataSubject(), fields, u.relations());
        }).toList();
        return new Ontology(extended, verticals);
    }

    public List<String> verticalIds() {
        return verticals.stream().map(VerticalMap::id).toList();
    }
}
