package io.veroforge.generator.requirements;

import io.veroforge.generator.input.AppSpecInput;
import io.veroforge.generator.input.EntityInput;
import io.veroforge.generator.input.FieldInput;
import io.veroforge.generator.input.PermissionInput;
import io.veroforge.generator.input.RelationInput;
import io.veroforge.generator.input.RoleInput;
import io.veroforge.generator.model.EntityNames;
import io.veroforge.generator.model.Inflector;
import io.veroforge.generator.ontology.Ontology;
import io.veroforge.generator.ontology.VerticalMap;
import io.veroforge.generator.requirements.PhraseExtractor.Action;
import io.veroforge.generator.requirements.PhraseExtractor.Attribute;
import io.veroforge.generator.requirements.PhraseExtractor.Link;
import io.veroforge.generator.requirements.PhraseExtractor.Mention;
import io.veroforge.generator.requirements.PhraseExtractor.NounPhrase;
import io.veroforge.generator.requirements.PhraseExtractor.Phrases;
import io.veroforge.generator.requirements.PhraseExtractor.Slot;
import io.veroforge.generator.validate.ReservedWords;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The offline engine: phrases from {@link PhraseExtractor}, placed in the ontology with sentence
 * embeddings. A phrase becomes
 * <ul>
 *   <li>an entity when its clause shape says it is a thing the business keeps (an owner of
 *   attributes, an attribute that is not a value, an object or a complement) or a person it deals
 *   with; its confidence is the clause shape's weight blended with how close it is to the
 *   nearest ontology name (universal entities, and the spec's vertical's terms and aliases —
 *   an unknown vertical's nearest known one when that is close enough);</li>
 *   <li>a field when it is an attribute with a field-like head (date, address, price, status …);</li>
 *   <li>a role when it is a person who only acts ("Dispatchers book …");</li>
 *   <li>a relation for an attribute that names an entity, for "X with/for/of/against Y", and for
 *   "customer books appointment".</li>
 * </ul>
 * When the spec declares entities, only phrases with strong evidence (owners and the entities
 * their attributes name) become new entities: a spec that says what it wants is not second-guessed.
 */
public final class EmbeddingRequirementEngine implements RequirementEngine {

    public static final String ENGINE = "embedding";

    /** An unknown vertical is read as its nearest known one from this similarity on (calibrated on the labelled set's verticals). */
    static final double VERTICAL_THRESHOLD = 0.62;
    /** A phrase takes an ontology term's defaults from this similarity on. */
    static final double TERM_THRESHOLD = 0.80;
    /** A person who only acts is stored as an entity too when this close to an ontology person term (Mechanic, Broker …). */
    static final double PERSON_TERM_THRESHOLD = 0.84;
    /** A phrase this close to a vertical role name is that role. */
    static final double KNOWN_ROLE = 0.90;
    /** Proposed entities below this confidence are dropped. */
    static final double MIN_CONFIDENCE = 0.50;

    /** Verbs of someone the business serves: the subject is a party the app stores (customer, donor, patient). */
    private static final Set<String> PARTY_VERBS = Set.of("book", "buy", "order", "reserve", "rent", "register", "donate", "give",
            "subscribe", "sign", "apply", "pay", "bring", "borrow", "make", "take", "enroll", "enrol", "attend", "drop", "call",
            "request", "browse", "park", "hire", "hand", "purchase", "join", "leave", "rate", "choose", "report", "send", "check",
            "receive", "lease", "own", "visit", "come", "return");

    private static final Set<String> LINK_PREPOSITIONS = Set.of("with", "to", "for", "in", "at", "on", "against", "from", "under",
            "of", "by", "between");

    private final Ontology ontology;
    private final Supplier<SentenceEmbedder> embedder;
    private final PhraseExtractor extractor = new PhraseExtractor();
    private final ReservedWords reserved = ReservedWords.bundled();

    public EmbeddingRequirementEngine() {
        this(Ontology.standard(), SentenceEmbedder::shared);
    }

    public EmbeddingRequirementEngine(Ontology ontology) {
        this(ontology, SentenceEmbedder::shared);
    }

    EmbeddingRequirementEngine(Ontology ontology, Supplier<SentenceEmbedder> embedder) {
        this.ontology = ontology;
        this.embedder = embedder;
    }

    /** The evidence for one candidate name across the text. */
    private static final class Candidate {
        final String name;
        final List<String> words;
        final List<Mention> mentions = new ArrayList<>();
        double slotWeight;
        boolean person;
        boolean actsOnly = true;
        boolean partyVerb;
        Set<String> verbs = new HashSet<>();
        String phrase;
        OntologyIndex.Match match;
        double personSimilarity;
        double roleSimilarity;

        Candidate(String name, List<String> words) {
            this.name = name;
            this.words = words;
        }
    }

    @Override
    public RequirementProposal propose(AppSpecInput spec) {
        if (spec.requirements() == null || spec.requirements().isBlank()) {
            return RequirementProposal.none(ENGINE, SentenceEmbedder.MODEL_NAME);
        }
        SentenceEmbedder vectors = embedder.get();
        OntologyIndex index = OntologyIndex.of(ontology, vectors);
        List<String> notes = new ArrayList<>();

        VerticalMatch verticalMatch = null;
        String scope = ontology.vertical(spec.vertical()).map(VerticalMap::id).orElse(null);
        if (scope == null && spec.vertical() != null && !spec.vertical().isBlank()) {
            String requested = OntologyIndex.words(spec.vertical());
            verticalMatch = index.nearestVertical(spec.vertical(), vectors.embed(requested), VERTICAL_THRESHOLD).orElse(null);
            if (verticalMatch != null && verticalMatch.accepted()) {
                scope = verticalMatch.nearest();
            }
            if (verticalMatch != null) {
                notes.add(verticalMatch.describe());
            }
        }

        Phrases phrases = extractor.extract(spec.requirements());
        Set<String> explicit = new HashSet<>();
        spec.entities().stream().filter(e -> e != null && e.name() != null).forEach(e -> explicit.add(key(e.name())));
        Set<String> explicitFields = new HashSet<>();
        for (EntityInput e : spec.entities()) {
            if (e != null) {
                e.fields().stream().filter(f -> f != null && f.name() != null).forEach(f -> explicitFields.add(key(f.name())));
            }
        }
        boolean strictOnly = !explicit.isEmpty();

        Map<String, Candidate> candidates = new LinkedHashMap<>();
        Map<NounPhrase, String> nameOf = new java.util.IdentityHashMap<>();
        Set<NounPhrase> fieldItems = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (Attribute a : phrases.attributes()) {
            if (isField(a.item()) || !a.values().isEmpty()) {
                fieldItems.add(a.item());
            }
        }
        for (Mention m : phrases.mentions()) {
            if (fieldItems.contains(m.phrase())) {
                continue;
            }
            Optional<String> name = entityName(m.phrase(), ownerOf(phrases, m.phrase()));
            if (name.isEmpty()) {
                continue;
            }
            nameOf.put(m.phrase(), name.get());
            Candidate c = candidates.computeIfAbsent(key(name.get()), k -> new Candidate(name.get(), Inflector.words(name.get())));
            c.mentions.add(m);
            double weight = switch (m.slot()) {
                case OWNER -> 0.95;
                case ITEM -> 0.85;
                case OBJECT, PASSIVE_SUBJECT -> 0.7;
                case SUBJECT -> 0.65;
                case COMPLEMENT -> 0.6;
            };
            if (weight > c.slotWeight) {
                c.slotWeight = weight;
                c.phrase = m.phrase().sentenceText();
            }
            if (m.slot() != Slot.SUBJECT || m.verb() == null) {
                c.actsOnly = false;
            } else {
                c.verbs.add(m.verb());
                c.partyVerb |= PARTY_VERBS.contains(m.verb());
            }
        }
        if (candidates.isEmpty()) {
            return new RequirementProposal(ENGINE, SentenceEmbedder.MODEL_NAME, List.of(), List.of(), verticalMatch, notes);
        }

        mergeHeadsIntoCompounds(candidates, nameOf);
        List<Candidate> all = new ArrayList<>(candidates.values());
        List<float[]> embedded = vectors.embedAll(all.stream().map(c -> String.join(" ", c.words)).toList());
        for (int i = 0; i < all.size(); i++) {
            Candidate c = all.get(i);
            float[] v = embedded.get(i);
            c.match = index.nearest(v, scope).orElse(null);
            c.personSimilarity = index.personSimilarity(v);
            c.roleSimilarity = index.roleSimilarity(v);
            c.person = Lexicon.person(c.words.get(c.words.size() - 1))
                    || c.match != null && c.match.entry().person() && c.match.similarity() >= TERM_THRESHOLD;
        }

        // which candidates are entities, which are roles
        Map<String, Candidate> entities = new LinkedHashMap<>();
        Map<String, Double> confidence = new LinkedHashMap<>();
        List<Candidate> roleCandidates = new ArrayList<>();
        for (Candidate c : all) {
            double similarity = c.match == null ? 0 : Math.max(0, c.match.similarity());
            double conf = Math.min(1.0, 0.6 * c.slotWeight + 0.4 * similarity + 0.05 * (c.mentions.size() - 1));
            boolean entity;
            if (c.person && c.actsOnly) {
                roleCandidates.add(c);
                // someone the business serves ("patients book"), or a worker the ontology stores (Mechanic, Broker);
                // a known role name that is no term ("dispatcher", "receptionist") only works in the app
                entity = c.personSimilarity >= PERSON_TERM_THRESHOLD || c.partyVerb && c.roleSimilarity < KNOWN_ROLE;
            } else {
                entity = true;
            }
            if (strictOnly && c.slotWeight < 0.85) {
                entity = false; // the spec declares entities: only owners and what they hold may be added
            }
            if (explicit.contains(key(c.name)) || explicitFields.contains(key(c.name))) {
                entity = false;
            }
            if (entity && conf >= MIN_CONFIDENCE) {
                entities.put(key(c.name), c);
                confidence.put(key(c.name), conf);
            }
        }

        // fields and relations
        Map<String, List<ProposedField>> fields = new LinkedHashMap<>();
        Map<String, List<ProposedRelation>> relations = new LinkedHashMap<>();
        Set<String> relationPairs = new HashSet<>();
        for (Attribute a : phrases.attributes()) {
            String owner = nameOf.get(a.owner());
            if (owner == null || !entities.containsKey(key(owner))) {
                continue;
            }
            Provenance provenance = new Provenance(ENGINE, SentenceEmbedder.MODEL_NAME, a.item().sentenceText(), 0.8);
            if (fieldItems.contains(a.item())) {
                String fieldName = memberName(owner, a.item().words());
                if (fieldName.isEmpty()) {
                    continue;
                }
                List<ProposedField> list = fields.computeIfAbsent(key(owner), k -> new ArrayList<>());
                if (list.stream().noneMatch(f -> f.field().name().equals(fieldName))) {
                    list.add(new ProposedField(FieldGuess.field(fieldName, a.item().words(), a.values()), provenance));
                }
                continue;
            }
            String target = nameOf.get(a.item());
            if (target == null || !entities.containsKey(key(target)) && !explicit.contains(key(target)) || key(target).equals(key(owner))) {
                continue;
            }
            if (a.item().plural()) {
                relate(relations, relationPairs, target, owner, provenance);
            } else {
                relate(relations, relationPairs, owner, target, provenance);
            }
        }
        for (Link l : phrases.links()) {
            String from = nameOf.get(l.from());
            String to = nameOf.get(l.to());
            if (from == null || to == null || !LINK_PREPOSITIONS.contains(l.preposition()) || key(from).equals(key(to))
                    || !entities.containsKey(key(from)) || !entities.containsKey(key(to))) {
                continue;
            }
            relate(relations, relationPairs, from, to, new Provenance(ENGINE, SentenceEmbedder.MODEL_NAME, l.from().sentenceText(), 0.6));
        }
        for (Action a : phrases.actions()) {
            String subject = nameOf.get(a.subject());
            String object = nameOf.get(a.object());
            if (subject == null || object == null || !PARTY_VERBS.contains(a.verb()) || key(subject).equals(key(object))
                    || !entities.containsKey(key(subject)) || !entities.containsKey(key(object)) || entities.get(key(object)).person) {
                continue;
            }
            relate(relations, relationPairs, object, subject, new Provenance(ENGINE, SentenceEmbedder.MODEL_NAME, a.subject().sentenceText(), 0.6));
        }

        List<ProposedEntity> proposed = new ArrayList<>();
        for (Map.Entry<String, Candidate> e : entities.entrySet()) {
            Candidate c = e.getValue();
            String name = safeEntityName(c.name);
            boolean placed = c.match != null && c.match.similarity() >= TERM_THRESHOLD;
            String term = placed && c.match.entry().term() != null ? c.match.entry().term().name() : null;
            String concept = placed ? c.match.entry().concept() : null;
            List<ProposedField> entityFields = fields.getOrDefault(e.getKey(), List.of()).stream()
                    .filter(f -> relations.getOrDefault(e.getKey(), List.of()).stream().noneMatch(r -> r.relation().name().equals(f.field().name())))
                    .toList();
            List<ProposedRelation> entityRelations = relations.getOrDefault(e.getKey(), List.of()).stream()
                    .map(r -> new ProposedRelation(new RelationInput(r.relation().name(), r.relation().kind(),
                            safeEntityName(r.relation().target()), null, null), r.provenance()))
                    .toList();
            proposed.add(new ProposedEntity(name, term, concept, c.match == null ? 0 : c.match.similarity(), entityFields, entityRelations,
                    new Provenance(ENGINE, SentenceEmbedder.MODEL_NAME, c.phrase, round(confidence.get(e.getKey())))));
        }

        List<ProposedRole> roles = new ArrayList<>();
        for (Candidate c : roleCandidates) {
            String role = Inflector.kebab(c.name);
            List<PermissionInput> permissions = new ArrayList<>();
            Set<String> granted = new HashSet<>();
            for (Action a : phrases.actions()) {
                String subject = nameOf.get(a.subject());
                String object = nameOf.get(a.object());
                if (subject != null && key(subject).equals(key(c.name)) && object != null && entities.containsKey(key(object))
                        && granted.add(key(object))) {
                    permissions.add(new PermissionInput(safeEntityName(entities.get(key(object)).name), List.of("create", "read", "update"), null));
                }
            }
            permissions.add(new PermissionInput(PermissionInput.ALL_ENTITIES, List.of("read"), null));
            roles.add(new ProposedRole(new RoleInput(role, "from the requirements: " + Inflector.pluralWords(c.name).replace('_', ' ')
                    + " " + String.join(", ", c.verbs.stream().sorted().toList()), permissions),
                    new Provenance(ENGINE, SentenceEmbedder.MODEL_NAME, c.phrase, round(0.6 + 0.4 * Math.max(c.roleSimilarity, 0)))));
        }
        return new RequirementProposal(ENGINE, SentenceEmbedder.MODEL_NAME, proposed, roles, verticalMatch, notes);
    }

    /**
     * "yoga classes … sign up for a class": a one-word candidate that is the head of exactly one
     * compound candidate is that compound mentioned again.
     */
    private static void mergeHeadsIntoCompounds(Map<String, Candidate> candidates, Map<NounPhrase, String> nameOf) {
        for (Candidate single : List.copyOf(candidates.values())) {
            if (single.words.size() != 1) {
                continue;
            }
            List<Candidate> compounds = candidates.values().stream()
                    .filter(c -> c.words.size() > 1 && c.words.get(c.words.size() - 1).equals(single.words.get(0))).toList();
            if (compounds.size() != 1) {
                continue;
            }
            Candidate compound = compounds.get(0);
            candidates.remove(key(single.name));
            compound.mentions.addAll(single.mentions);
            if (single.slotWeight > compound.slotWeight) {
                compound.slotWeight = single.slotWeight;
                compound.phrase = single.phrase;
            }
            compound.actsOnly &= single.actsOnly;
            compound.partyVerb |= single.partyVerb;
            compound.verbs.addAll(single.verbs);
            nameOf.replaceAll((np, n) -> key(n).equals(key(single.name)) ? compound.name : n);
        }
    }

    private void relate(Map<String, List<ProposedRelation>> relations, Set<String> pairs, String from, String to, Provenance provenance) {
        if (!pairs.add(key(from) + "->" + key(to)) || pairs.contains(key(to) + "->" + key(from))) {
            return;
        }
        String name = memberName(from, Inflector.words(to));
        List<ProposedRelation> list = relations.computeIfAbsent(key(from), k -> new ArrayList<>());
        if (list.stream().noneMatch(r -> r.relation().name().equals(name))) {
            list.add(new ProposedRelation(new RelationInput(name, "manyToOne", to, null, null), provenance));
        }
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    /** The owner an attribute phrase belongs to ("each order has items" → items of an order), or null. */
    private static NounPhrase ownerOf(Phrases phrases, NounPhrase item) {
        return phrases.attributes().stream().filter(a -> a.item() == item).map(Attribute::owner).findFirst().orElse(null);
    }

    /** Whether an attribute is a value (a field) rather than a thing of its own. */
    private static boolean isField(NounPhrase item) {
        List<String> words = item.words();
        String head = words.get(words.size() - 1);
        if (words.contains("of") || words.contains("per")) {
            return true; // "date of birth", "price per head"
        }
        if (Lexicon.person(head)) {
            return false;
        }
        return Lexicon.FIELD_HEADS.contains(head) || FieldGuess.ENUMS.contains(head) || Lexicon.ADJECTIVES.contains(head);
    }

    /**
     * The entity a phrase names: its head, or its last two words when the head needs them ("work
     * order", "room type") or the ontology knows the pair; a head that never names an entity on its
     * own gives way to its modifier ("client business" → Client). Empty for phrases that are no entity.
     */
    Optional<String> entityName(NounPhrase np, NounPhrase owner) {
        List<String> words = new ArrayList<>(np.words());
        words.removeIf(w -> w.equals("of") || w.equals("per"));
        if (words.isEmpty()) {
            return Optional.empty();
        }
        String head = words.get(words.size() - 1);
        if (words.size() > 1 && Lexicon.MODIFIER_HEADS.contains(head)) {
            words.remove(words.size() - 1); // "client business" → Client
            head = words.get(words.size() - 1);
        }
        if (head.length() < 3 || Lexicon.ADJECTIVES.contains(head) || Lexicon.COLLECTIVES.contains(head) && words.size() == 1) {
            return Optional.empty();
        }
        if (Lexicon.verbBase(head) != null && Lexicon.isPastOrGerund(head) && !head.endsWith("ing")) {
            return Optional.empty();
        }
        String modifier = words.size() > 1 ? words.get(words.size() - 2) : null;
        boolean usableModifier = modifier != null && !Lexicon.NON_ENTITIES.contains(modifier) && !modifier.endsWith("ing")
                && !Lexicon.FIELD_HEADS.contains(modifier) || modifier != null && knownCompound(words);
        List<String> name;
        if (usableModifier && (Lexicon.GENERIC_HEADS.contains(head) || knownCompound(words))) {
            name = List.of(modifier, head); // "work order", "room type"
        } else if (Lexicon.NON_ENTITIES.contains(head) || Lexicon.FIELD_HEADS.contains(head) && !np.plural() && !Lexicon.person(head)
                || Lexicon.MODIFIER_HEADS.contains(head)) {
            return Optional.empty(); // "a pickup date", "the front desk", "a text message"
        } else if (words.size() == 1 && owner != null && Set.of("item", "line", "entry", "detail").contains(head)) {
            name = List.of(owner.head(), head); // "each order has items" → OrderItem
        } else {
            name = List.of(head);
        }
        return Optional.of(Inflector.pascal(String.join("_", name)));
    }

    private boolean knownCompound(List<String> words) {
        String pair = words.get(words.size() - 2) + " " + words.get(words.size() - 1);
        return knownNames().contains(pair);
    }

    private volatile Set<String> known;

    private Set<String> knownNames() {
        Set<String> names = known;
        if (names == null) {
            Set<String> out = new HashSet<>();
            ontology.universal().forEach(u -> out.add(OntologyIndex.words(u.name())));
            ontology.verticals().forEach(v -> v.terms().forEach(t -> {
                out.add(OntologyIndex.words(t.name()));
                t.aliases().forEach(a -> out.add(OntologyIndex.words(a)));
            }));
            known = names = Set.copyOf(out);
        }
        return names;
    }

    /** A field or relation name the generated code can use: a reserved word is prefixed with its entity ("date" → "jobDate"). */
    private String memberName(String entity, List<String> words) {
        String name = Inflector.camel(String.join("_", words.stream().map(w -> w.replace("'", "")).toList()));
        if (name.isEmpty() || !Character.isLetter(name.charAt(0))) {
            return "";
        }
        if (reserved.typescript().contains(name) || reserved.sqlReserved(Inflector.snake(name)) || reserved.generatorFields().contains(name)) {
            return Inflector.camel(entity) + Inflector.pascal(name);
        }
        return name;
    }

    private String safeEntityName(String name) {
        EntityNames names = EntityNames.of(name);
        if (reserved.prisma().contains(name) || reserved.generatorEntities().contains(name) || reserved.typescript().contains(names.camel())
                || reserved.sqlReserved(names.table())) {
            return name + "Record";
        }
        return name;
    }

    static String key(String name) {
        return String.join("", Inflector.words(name)).toLowerCase(Locale.ROOT);
    }
}
