package io.veroforge.generator.fuzz;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.veroforge.generator.ontology.Ontology;
import io.veroforge.generator.ontology.VerticalMap;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A seeded random AppSpec writer: from a seed and a set of {@link FuzzFeature}s it writes one AppSpec
 * manifest (YAML) using every field type, constraint, marker, relation kind (self and many-to-many
 * included), compliance flag, permission shape (own-rows-only included), workflow trigger and action,
 * and valid but unusual names. The same seed and features always give the same bytes: only
 * {@link Random} (whose sequence Java specifies) and insertion-ordered maps are used.
 *
 * <p>The specs are meant to be mostly valid, but nothing steers them around the validator: a spec the
 * generator refuses is a fine outcome as long as every error names its path and a fix.
 */
public final class SpecFuzzer {

    private static final String[] SYLLABLES = {"bor", "ka", "lin", "mer", "quo", "ras", "ti", "vel", "xan", "zu", "pel", "dor", "fen", "gra"};
    private static final String[] PATTERNS = {"^[A-Z]{2}-[0-9]{4}$", "^[a-z]{3,8}$", "^[0-9]{5}$", "^INV-[0-9]+$", "^[A-Z][a-z]+$"};
    private static final String[] CARD_NAMES = {"cardNumber", "card_number", "creditCard", "pan", "cvv", "ccNumber", "CardNo"};
    private static final String[] CRONS = {"0 7 * * 1-5", "*/15 * * * *", "0 0 1 1,6 *", "30 18 * * 5", "0 9-17/2 * * *"};
    private static final String[] CRON_MACROS = {"@daily", "@hourly", "@weekly", "@monthly", "@yearly"};
    private static final String[] SIMPLE_TYPES = {"string", "text", "integer", "decimal", "money", "boolean", "date", "datetime", "enum",
        "uuid", "json", "file"};
    private static final String[] FORMAT_TYPES = {"email", "phone", "url"};
    private static final String[] ACTIONS = {"create", "read", "update", "delete"};

    private final Ontology ontology;

    public SpecFuzzer(Ontology ontology) {
        this.ontology = ontology;
    }

    public SpecFuzzer() {
        this(Ontology.standard());
    }

    /** The manifest for {@code seed}, using only {@code features}. */
    public String specYaml(long seed, Set<FuzzFeature> features) {
        try {
            return yaml().writeValueAsString(new Run(seed, features).manifest());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The app name a seed's spec declares (metadata.name). */
    public static String appName(long seed) {
        return "fuzz-" + seed;
    }

    private static YAMLMapper yaml() {
        return new YAMLMapper(YAMLFactory.builder().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES).build());
    }

    /** One generation: the random source and what has been decided so far. */
    private final class Run {
        private final long seed;
        private final Random random;
        private final Set<FuzzFeature> features;
        private final Set<String> usedNames = new HashSet<>();
        private final List<EntityDraft> entities = new ArrayList<>();
        private final List<String> roles = new ArrayList<>();

        Run(long seed, Set<FuzzFeature> features) {
            this.seed = seed;
            this.random = new Random(seed);
            this.features = features;
        }

        private boolean on(FuzzFeature feature) {
            return features.contains(feature);
        }

        private boolean chance(int percent) {
            return random.nextInt(100) < percent;
        }

        private <T> T pick(T[] options) {
            return options[random.nextInt(options.length)];
        }

        private <T> T pick(List<T> options) {
            return options.get(random.nextInt(options.size()));
        }

        Map<String, Object> manifest() {
            Map<String, Object> spec = new LinkedHashMap<>();
            VerticalMap vertical = null;
            if (on(FuzzFeature.VERTICAL_TERMS) && chance(50)) {
                vertical = ontology.vertical(pick(ontology.verticalIds())).orElseThrow();
                spec.put("vertical", vertical.id());
            }
            int count = 2 + random.nextInt(4);
            for (int i = 0; i < count; i++) {
                entities.add(new EntityDraft(entityName(), new ArrayList<>(), new ArrayList<>()));
            }
            for (EntityDraft entity : entities) {
                fillFields(entity);
            }
            for (int i = 0; i < entities.size(); i++) {
                relate(i);
            }
            List<Object> entityList = new ArrayList<>();
            for (EntityDraft e : entities) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("name", e.name);
                if (chance(30)) {
                    m.put("description", "Fuzzed entity " + e.name + " (seed " + seed + ")");
                }
                m.put("fields", e.fields);
                if (!e.relations.isEmpty()) {
                    m.put("relations", e.relations);
                }
                entityList.add(m);
            }
            if (vertical != null) {
                List<String> terms = vertical.terms().stream().map(t -> t.name()).filter(n -> !usedNames.contains(n)).toList();
                int sparse = Math.min(terms.size(), 1 + random.nextInt(2));
                Set<String> chosen = new HashSet<>();
                for (int i = 0; i < sparse; i++) {
                    String term = pick(terms);
                    if (chosen.add(term)) {
                        entityList.add(Map.of("name", term));
                    }
                }
            }
            if (on(FuzzFeature.UNMATCHED_SPARSE)) {
                unmatchedSparse().ifPresent(entityList::add);
            }
            spec.put("entities", entityList);
            Map<String, Object> compliance = compliance();
            if (!compliance.isEmpty()) {
                spec.put("compliance", compliance);
            }
            spec.put("roles", roles());
            List<Object> workflows = workflows();
            if (!workflows.isEmpty()) {
                spec.put("workflows", workflows);
            }
            Map<String, Object> manifest = new LinkedHashMap<>();
            manifest.put("apiVersion", "veroforge.io/v1alpha1");
            manifest.put("kind", "AppSpec");
            manifest.put("metadata", Map.of("name", appName(seed)));
            manifest.put("spec", spec);
            return manifest;
        }

        private String entityName() {
            while (true) {
                String name;
                int shape = random.nextInt(12);
                if (on(FuzzFeature.ONTOLOGY_NAMES_WITH_FIELDS) && shape == 0) {
                    name = pick(ontology.universal()).name();
                } else if (on(FuzzFeature.ODD_NAMES) && shape == 1) {
                    name = "X" + random.nextInt(10); // one letter and a digit
                } else if (on(FuzzFeature.ODD_NAMES) && shape == 2) {
                    name = "HTTP" + capitalize(syllables(2)); // an acronym
                } else if (on(FuzzFeature.ODD_NAMES) && shape == 3) {
                    name = capitalize(syllables(9)); // long, still under PostgreSQL's 63 characters once pluralised
                } else if (on(FuzzFeature.SNAKE_CASE) && shape == 4) {
                    name = syllables(2) + "_" + syllables(1);
                } else {
                    name = capitalize(syllables(2 + random.nextInt(2)));
                }
                if (usedNames.add(name.toLowerCase().replace("_", ""))) {
                    usedNames.add(name);
                    return name;
                }
            }
        }

        /**
         * A name-only entity no ontology knows, sometimes the parent side of a one-to-many. It draws from a
         * random source of its own, so the rest of every seed's spec (and the CI seeds' coverage) is unchanged.
         */
        private java.util.Optional<Map<String, Object>> unmatchedSparse() {
            Random own = new Random(seed * 7919 + 11);
            if (own.nextInt(100) >= 40) {
                return java.util.Optional.empty();
            }
            String name;
            do {
                name = capitalize(SYLLABLES[own.nextInt(SYLLABLES.length)] + SYLLABLES[own.nextInt(SYLLABLES.length)]) + "Locker";
            } while (!usedNames.add(name.toLowerCase()));
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", name);
            if (own.nextBoolean()) {
                EntityDraft child = entities.get(own.nextInt(entities.size()));
                m.put("relations", List.of(relation(decapitalize(child.name.replace("_", "")) + "Items", "oneToMany", child.name)));
            }
            return java.util.Optional.of(m);
        }

        private String syllables(int n) {
            StringBuilder s = new StringBuilder();
            for (int i = 0; i < n; i++) {
                s.append(pick(SYLLABLES));
            }
            return s.toString();
        }

        private String fieldName(EntityDraft entity) {
            while (true) {
                String name;
                if (on(FuzzFeature.SNAKE_CASE) && chance(4)) {
                    name = syllables(1) + "_" + syllables(1);
                } else if (on(FuzzFeature.ODD_NAMES) && chance(10)) {
                    name = syllables(1) + random.nextInt(100) + capitalize(syllables(1));
                } else {
                    name = syllables(1) + capitalize(syllables(1 + random.nextInt(2)));
                }
                if (entity.memberNames.add(name.toLowerCase().replace("_", ""))) {
                    return name;
                }
            }
        }

        private void fillFields(EntityDraft entity) {
            int count = 1 + random.nextInt(6);
            for (int i = 0; i < count; i++) {
                entity.fields.add(field(entity));
            }
            if (on(FuzzFeature.CARD_DATA) && chance(15)) {
                String name = pick(CARD_NAMES);
                if (entity.memberNames.add(name.toLowerCase().replace("_", ""))) {
                    Map<String, Object> card = new LinkedHashMap<>();
                    card.put("name", name);
                    card.put("type", "string");
                    if (chance(50)) {
                        card.put("markers", List.of("cardData"));
                    }
                    entity.fields.add(card);
                }
            }
        }

        private Map<String, Object> field(EntityDraft entity) {
            List<String> types = new ArrayList<>(List.of(SIMPLE_TYPES));
            if (on(FuzzFeature.FORMATS)) {
                types.addAll(List.of(FORMAT_TYPES));
            }
            String type = pick(types);
            String name = fieldName(entity);
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("name", name);
            f.put("type", type);
            if (chance(40)) {
                f.put("required", true);
            }
            List<String> markers = new ArrayList<>();
            switch (type) {
                case "string", "text", "email", "phone", "url" -> {
                    if (on(FuzzFeature.LENGTHS) && chance(40)) {
                        int min = random.nextInt(6);
                        f.put("minLength", min);
                        f.put("maxLength", min + 1 + random.nextInt(30));
                    } else if (chance(50)) {
                        f.put("maxLength", 80 + random.nextInt(200));
                    }
                    if (type.equals("string") && on(FuzzFeature.PATTERNS) && chance(30)) {
                        f.remove("minLength");
                        f.remove("maxLength");
                        f.put("pattern", pick(PATTERNS));
                    }
                    if (!type.equals("text") && on(FuzzFeature.UNIQUE) && chance(20)) {
                        f.put("unique", true);
                    }
                    if (!type.equals("url") && chance(35)) {
                        markers.add("searchable");
                    }
                    if (chance(25)) {
                        markers.add("pii");
                    }
                    if (type.equals("email")) {
                        entity.emailFields.add(name);
                    }
                }
                case "integer", "decimal", "money" -> {
                    if (on(FuzzFeature.NUMERIC_BOUNDS) && chance(50)) {
                        int min = random.nextInt(2) == 0 ? -50 + random.nextInt(100) : 10 + random.nextInt(1000);
                        f.put("min", min);
                        if (chance(70)) {
                            f.put("max", min + random.nextInt(50));
                        }
                    } else if (!type.equals("integer") && chance(40)) {
                        f.put("min", 0);
                    }
                    if (type.equals("decimal") && on(FuzzFeature.NUMERIC_BOUNDS) && chance(20)) {
                        f.put("min", new BigDecimal("0.5"));
                        f.remove("max");
                    }
                    if (type.equals("integer") && on(FuzzFeature.UNIQUE) && chance(15)) {
                        f.put("unique", true);
                    }
                }
                case "enum" -> {
                    List<String> values = new ArrayList<>();
                    int n = 1 + random.nextInt(4);
                    Set<String> seen = new HashSet<>();
                    for (int i = 0; i < n; i++) {
                        String v = syllables(1) + (on(FuzzFeature.SNAKE_CASE) && chance(5) ? "_" + syllables(1) : capitalize(syllables(1)));
                        if (seen.add(v)) {
                            values.add(v);
                        }
                    }
                    f.put("values", values);
                    entity.enumFields.put(name, values);
                    if (chance(20)) {
                        markers.add("searchable");
                    }
                }
                case "boolean" -> entity.booleanFields.add(name);
                default -> {
                    if ((type.equals("date") || type.equals("datetime")) && chance(20)) {
                        markers.add("pii");
                    }
                }
            }
            if (on(FuzzFeature.HIPAA) && !type.equals("json") && chance(12)) {
                markers.add("phi");
            }
            if (!markers.isEmpty()) {
                f.put("markers", markers);
            }
            if (chance(15)) {
                f.put("description", "the " + name + " of a " + entity.name);
            }
            return f;
        }

        private void relate(int index) {
            EntityDraft entity = entities.get(index);
            if (index > 0 && chance(75)) {
                EntityDraft parent = entities.get(random.nextInt(index));
                String name = memberName(entity, decapitalize(parent.name.replace("_", "")));
                Map<String, Object> r = relation(name, "manyToOne", parent.name);
                if (on(FuzzFeature.REQUIRED_PARENTS) && chance(50)) {
                    r.put("required", true);
                }
                entity.relations.add(r);
                entity.parents.put(name, parent);
                if (chance(40)) {
                    Map<String, Object> inverse = relation(memberName(parent, decapitalize(entity.name.replace("_", "")) + "List"), "oneToMany", entity.name);
                    if (chance(30)) {
                        inverse.put("cascade", true);
                    }
                    parent.relations.add(inverse);
                }
            }
            if (index > 0 && chance(20)) {
                EntityDraft other = entities.get(random.nextInt(index));
                entity.relations.add(relation(memberName(entity, "own" + capitalize(other.name.replace("_", ""))), "oneToOne", other.name));
            }
            if (index > 0 && on(FuzzFeature.MANY_TO_MANY) && chance(40)) {
                EntityDraft other = entities.get(random.nextInt(index));
                entity.relations.add(relation(memberName(entity, "linked" + capitalize(other.name.replace("_", "")) + "s"), "manyToMany", other.name));
            }
            if (on(FuzzFeature.SELF_RELATIONS) && chance(25)) {
                entity.relations.add(relation(memberName(entity, "parentItem"), "manyToOne", entity.name));
            }
        }

        private String memberName(EntityDraft entity, String wanted) {
            String name = wanted;
            for (int i = 2; !entity.memberNames.add(name.toLowerCase()); i++) {
                name = wanted + i;
            }
            return name;
        }

        private Map<String, Object> relation(String name, String kind, String target) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("name", name);
            r.put("kind", kind);
            r.put("target", target);
            return r;
        }

        private Map<String, Object> compliance() {
            Map<String, Object> c = new LinkedHashMap<>();
            if (on(FuzzFeature.HIPAA) && chance(30)) {
                c.put("hipaa", chance(70));
            }
            if (on(FuzzFeature.PCI) && chance(30)) {
                c.put("pci", chance(70));
            }
            if (on(FuzzFeature.GDPR) && chance(40)) {
                c.put("gdpr", chance(80));
            } else if (chance(30)) {
                c.put("gdpr", false);
            }
            return c;
        }

        private List<Object> roles() {
            List<Object> list = new ArrayList<>();
            String[] names = {"clerk", "field-agent", "auditor_2", "supervisor", "guestUser"};
            int count = 1 + random.nextInt(3);
            for (int i = 0; i < count; i++) {
                String name = names[(i + random.nextInt(names.length)) % names.length];
                if (roles.contains(name)) {
                    continue;
                }
                roles.add(name);
                List<Object> permissions = new ArrayList<>();
                if (chance(25)) {
                    permissions.add(permission("*", List.of("read"), false));
                }
                for (EntityDraft e : entities) {
                    if (chance(60)) {
                        List<String> actions = new ArrayList<>();
                        for (String a : ACTIONS) {
                            if (chance(60)) {
                                actions.add(a);
                            }
                        }
                        if (actions.isEmpty()) {
                            actions.add("read");
                        }
                        permissions.add(permission(e.name, actions, on(FuzzFeature.OWN_ROWS_ONLY) && chance(30)));
                    }
                }
                if (permissions.isEmpty()) {
                    permissions.add(permission(entities.get(0).name, List.of("read"), false));
                }
                Map<String, Object> role = new LinkedHashMap<>();
                role.put("name", name);
                role.put("permissions", permissions);
                list.add(role);
            }
            return list;
        }

        private Map<String, Object> permission(String entity, List<String> actions, boolean ownRowsOnly) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("entity", entity);
            p.put("actions", actions);
            if (ownRowsOnly) {
                p.put("ownRowsOnly", true);
            }
            return p;
        }

        private List<Object> workflows() {
            List<Object> list = new ArrayList<>();
            boolean any = on(FuzzFeature.WORKFLOWS) || on(FuzzFeature.SEND_EMAIL);
            int count = any ? random.nextInt(4) : 0;
            for (int i = 0; i < count; i++) {
                EntityDraft subject = pick(entities);
                Map<String, Object> trigger = new LinkedHashMap<>();
                int t = on(FuzzFeature.WORKFLOWS) ? random.nextInt(4) : 0;
                switch (t) {
                    case 0 -> trigger.put("type", "entityCreated");
                    case 1 -> trigger.put("type", "entityUpdated");
                    case 2 -> {
                        if (subject.enumFields.isEmpty()) {
                            trigger.put("type", "entityUpdated");
                        } else {
                            String field = pick(new ArrayList<>(subject.enumFields.keySet()));
                            trigger.put("type", "fieldChanged");
                            trigger.put("field", field);
                            if (chance(50)) {
                                trigger.put("value", pick(subject.enumFields.get(field)));
                            }
                        }
                    }
                    default -> trigger.put("type", "schedule");
                }
                trigger.put("entity", subject.name);
                if ("schedule".equals(trigger.get("type"))) {
                    trigger.put("schedule", on(FuzzFeature.CRON_MACROS) && chance(40) ? pick(CRON_MACROS) : pick(CRONS));
                }
                List<Object> actions = new ArrayList<>();
                int n = 1 + random.nextInt(2);
                for (int j = 0; j < n; j++) {
                    actions.add(action(subject));
                }
                Map<String, Object> w = new LinkedHashMap<>();
                w.put("name", "flow-" + (i + 1) + "-" + syllables(1));
                w.put("trigger", trigger);
                w.put("actions", actions);
                list.add(w);
            }
            return list;
        }

        private Map<String, Object> action(EntityDraft subject) {
            Map<String, Object> a = new LinkedHashMap<>();
            List<String> kinds = new ArrayList<>();
            if (on(FuzzFeature.SEND_EMAIL)) {
                kinds.add("sendEmail");
            }
            if (on(FuzzFeature.WORKFLOWS)) {
                kinds.addAll(List.of("notify", "setField", "callWebhook", "createEntity", "custom"));
            }
            String kind = pick(kinds);
            switch (kind) {
                case "sendEmail" -> {
                    a.put("type", kind);
                    a.put("to", recipient(subject));
                    a.put("template", "fuzz-" + syllables(1));
                }
                case "setField" -> {
                    if (!subject.enumFields.isEmpty()) {
                        String field = pick(new ArrayList<>(subject.enumFields.keySet()));
                        a.put("type", kind);
                        a.put("field", field);
                        a.put("value", pick(subject.enumFields.get(field)));
                    } else if (!subject.booleanFields.isEmpty()) {
                        a.put("type", kind);
                        a.put("field", pick(subject.booleanFields));
                        a.put("value", "true");
                    } else {
                        a.put("type", "notify");
                        a.put("to", "role:" + pick(roles));
                        a.put("message", "nothing to set on " + subject.name);
                    }
                }
                case "callWebhook" -> {
                    a.put("type", kind);
                    // loopback, refused at once: a fuzzed app never sends traffic off the machine
                    a.put("url", "http://127.0.0.1:9/fuzz-hook");
                }
                case "createEntity" -> {
                    a.put("type", kind);
                    a.put("entity", pick(entities).name);
                }
                case "custom" -> {
                    a.put("type", kind);
                    a.put("message", "Log the " + subject.name + " for the weekly review");
                }
                default -> {
                    a.put("type", "notify");
                    a.put("to", "role:" + pick(roles));
                    a.put("message", "A " + subject.name + " changed");
                }
            }
            return a;
        }

        private String recipient(EntityDraft subject) {
            if (on(FuzzFeature.DEEP_TEMPLATE_PATHS) && chance(50)) {
                for (var parent : subject.parents.entrySet()) {
                    for (var grand : parent.getValue().parents.entrySet()) {
                        if (!grand.getValue().emailFields.isEmpty()) {
                            return "{{" + parent.getKey() + "." + grand.getKey() + "." + grand.getValue().emailFields.get(0) + "}}";
                        }
                    }
                }
            }
            if (!subject.emailFields.isEmpty() && chance(60)) {
                return "{{" + subject.emailFields.get(0) + "}}";
            }
            for (var parent : subject.parents.entrySet()) {
                if (!parent.getValue().emailFields.isEmpty()) {
                    return "{{" + parent.getKey() + "." + parent.getValue().emailFields.get(0) + "}}";
                }
            }
            return "ops+" + syllables(1) + "@example.com";
        }
    }

    private static final class EntityDraft {
        final String name;
        final List<Map<String, Object>> fields;
        final List<Map<String, Object>> relations;
        final Set<String> memberNames = new HashSet<>();
        final List<String> emailFields = new ArrayList<>();
        final List<String> booleanFields = new ArrayList<>();
        final Map<String, List<String>> enumFields = new LinkedHashMap<>();
        final Map<String, EntityDraft> parents = new LinkedHashMap<>();

        EntityDraft(String name, List<Map<String, Object>> fields, List<Map<String, Object>> relations) {
            this.name = name;
            this.fields = fields;
            this.relations = relations;
        }
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String decapitalize(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}
