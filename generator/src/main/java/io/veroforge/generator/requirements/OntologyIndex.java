package io.veroforge.generator.requirements;

import io.veroforge.generator.model.Inflector;
import io.veroforge.generator.ontology.Ontology;
import io.veroforge.generator.ontology.UniversalEntity;
import io.veroforge.generator.ontology.VerticalMap;
import io.veroforge.generator.ontology.VerticalTerm;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The ontology's names as vectors: every universal entity (name and concept), every vertical
 * term and its aliases, every vertical role, and one description per vertical (id, title,
 * aliases and term names) for mapping an unknown {@code vertical}. Built once per ontology.
 */
final class OntologyIndex {

    /** One name of the ontology. {@code vertical} is null for universal entities. */
    record Entry(String label, String vertical, VerticalTerm term, UniversalEntity universal, boolean person, float[] vector) {
        String concept() {
            return term != null ? term.concept() : universal.concept();
        }
    }

    /** A vertical role name ("dispatcher", "front-desk"): a person who works in the app, not a thing it stores. */
    record RoleEntry(String label, String vertical, float[] vector) {
    }

    record VerticalEntry(String id, float[] vector) {
    }

    /** A match of a phrase in the index. */
    record Match(Entry entry, double similarity) {
    }

    /** Concepts whose rows are people; a vertical term over them names a person. */
    private static final Set<String> PERSON_CONCEPTS = Set.of("customer", "employee");

    private static final Map<Ontology, OntologyIndex> BUILT = Collections.synchronizedMap(new IdentityHashMap<>());

    private final List<Entry> entries;
    private final List<RoleEntry> roles;
    private final List<VerticalEntry> verticals;

    private OntologyIndex(List<Entry> entries, List<RoleEntry> roles, List<VerticalEntry> verticals) {
        this.entries = entries;
        this.roles = roles;
        this.verticals = verticals;
    }

    static OntologyIndex of(Ontology ontology, SentenceEmbedder embedder) {
        return BUILT.computeIfAbsent(ontology, o -> build(o, embedder));
    }

    private static OntologyIndex build(Ontology ontology, SentenceEmbedder embedder) {
        List<String> labels = new ArrayList<>();
        List<Object[]> meta = new ArrayList<>();
        for (UniversalEntity u : ontology.universal()) {
            labels.add(words(u.name()));
            meta.add(new Object[]{null, null, u});
        }
        for (VerticalMap v : ontology.verticals()) {
            for (VerticalTerm t : v.terms()) {
                UniversalEntity concept = t.concept() == null ? null : ontology.concept(t.concept()).orElse(null);
                labels.add(words(t.name()));
                meta.add(new Object[]{v.id(), t, concept});
                for (String alias : t.aliases()) {
                    labels.add(words(alias));
                    meta.add(new Object[]{v.id(), t, concept});
                }
            }
        }
        List<float[]> vectors = embedder.embedAll(labels);
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            VerticalTerm term = (VerticalTerm) meta.get(i)[1];
            UniversalEntity universal = (UniversalEntity) meta.get(i)[2];
            String concept = term != null ? term.concept() : universal.concept();
            entries.add(new Entry(labels.get(i), (String) meta.get(i)[0], term, universal,
                    concept != null && PERSON_CONCEPTS.contains(concept), vectors.get(i)));
        }

        List<String> roleLabels = new ArrayList<>();
        List<String> roleVerticals = new ArrayList<>();
        for (VerticalMap v : ontology.verticals()) {
            v.roles().forEach(r -> {
                roleLabels.add(words(r.name()));
                roleVerticals.add(v.id());
            });
        }
        List<float[]> roleVectors = embedder.embedAll(roleLabels);
        List<RoleEntry> roles = new ArrayList<>();
        for (int i = 0; i < roleLabels.size(); i++) {
            roles.add(new RoleEntry(roleLabels.get(i), roleVerticals.get(i), roleVectors.get(i)));
        }

        List<String> descriptions = ontology.verticals().stream().map(OntologyIndex::describe).toList();
        List<float[]> verticalVectors = embedder.embedAll(descriptions);
        List<VerticalEntry> verticals = new ArrayList<>();
        for (int i = 0; i < descriptions.size(); i++) {
            verticals.add(new VerticalEntry(ontology.verticals().get(i).id(), verticalVectors.get(i)));
        }
        return new OntologyIndex(List.copyOf(entries), List.copyOf(roles), List.copyOf(verticals));
    }

    /** "Field service / pest control: pest control, home services" — what the industry is called, not its terms, which would drown the name. */
    private static String describe(VerticalMap v) {
        List<String> aliases = v.aliases().stream().map(OntologyIndex::words).toList();
        return (v.title() == null ? words(v.id()) : v.title()) + (aliases.isEmpty() ? "" : ": " + String.join(", ", aliases));
    }

    /** {@code RepairOrder → repair order}: the model was trained on text, not identifiers. */
    static String words(String name) {
        return String.join(" ", Inflector.words(name));
    }

    /** The nearest entry among the universal entities and (when given) one vertical's terms. */
    Optional<Match> nearest(float[] vector, String vertical) {
        Match best = null;
        for (Entry e : entries) {
            if (e.vertical() != null && !e.vertical().equals(vertical)) {
                continue;
            }
            double s = SentenceEmbedder.cosine(vector, e.vector());
            if (best == null || s > best.similarity() || (s == best.similarity() && e.vertical() != null)) {
                best = new Match(e, s);
            }
        }
        return Optional.ofNullable(best);
    }

    /** The nearest person-like entry across every vertical (does this phrase name a person the app stores?). */
    double personSimilarity(float[] vector) {
        double best = 0;
        for (Entry e : entries) {
            if (e.person()) {
                best = Math.max(best, SentenceEmbedder.cosine(vector, e.vector()));
            }
        }
        return best;
    }

    /** The nearest vertical role name across every vertical (a person who only works in the app). */
    double roleSimilarity(float[] vector) {
        double best = 0;
        for (RoleEntry r : roles) {
            best = Math.max(best, SentenceEmbedder.cosine(vector, r.vector()));
        }
        return best;
    }

    /** The nearest vertical to a phrase naming an industry. */
    Optional<VerticalMatch> nearestVertical(String requested, float[] vector, double threshold) {
        VerticalEntry best = null;
        double bestSimilarity = -1;
        for (VerticalEntry v : verticals) {
            double s = SentenceEmbedder.cosine(vector, v.vector());
            if (s > bestSimilarity) {
                best = v;
                bestSimilarity = s;
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        return Optional.of(new VerticalMatch(requested, best.id(), bestSimilarity, bestSimilarity >= threshold));
    }
}
