package io.veroforge.generator.resolve;

/**
 * A field or relation the ontology knows for an entity but did not add, because the entity
 * declares its own fields: {@code explain} lists it, {@code ontologyDefaults: true} adds it.
 *
 * @param path    the entity's input path ({@code entities[2]})
 * @param element what would be added, e.g. {@code fullName: string, required} or {@code customer → Customer (manyToOne)}
 */
public record OntologySuggestion(String entity, String path, String element, String origin) {
    @Override
    public String toString() {
        return entity + "." + element + "  <- " + origin;
    }
}
