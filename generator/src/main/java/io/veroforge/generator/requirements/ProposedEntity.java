package io.veroforge.generator.requirements;

import java.util.List;

/**
 * An entity the requirements name.
 *
 * @param term     the vertical term it was placed on (its defaults apply), or null
 * @param concept  the universal concept it was placed on, or null
 * @param similarity how close its phrase is to that term or concept (cosine, 0..1); 0 when it was placed on neither
 */
public record ProposedEntity(String name, String term, String concept, double similarity, List<ProposedField> fields,
                             List<ProposedRelation> relations, Provenance provenance) {
    public ProposedEntity {
        fields = List.copyOf(fields);
        relations = List.copyOf(relations);
    }
}
