package io.veroforge.generator.synthesize;

import io.veroforge.generator.model.FieldType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A GDPR data subject (an entity with export/erase endpoints) and what belongs to it: its own
 * row and every row that references it through foreign keys, followed up to three steps
 * ({@code Student ← Enrollment ← Invoice}), each entity queried once after the entities it
 * points at. Export presents them all in one document; erase anonymizes their personal fields,
 * except financial records (concept invoice or payment, or money fields), which bookkeeping and
 * tax law require to be kept unchanged (e.g. 10 years under section 147 of the German Fiscal Code,
 * 6 under section 257 of the Commercial Code for letters).
 */
public final class DataSubjectView {

    /** Why financial records survive an erase, in the API's answer and the docs. */
    public static final String FINANCIAL_REASON = "financial record: bookkeeping and tax law require keeping it unchanged"
            + " (e.g. 10 years under section 147 AO in Germany); its personal data is kept with it";
    private static final int MAX_DEPTH = 3;

    private final EntityView subject;
    private final List<Step> steps;

    /** One entity of the plan: rows matching any of its foreign keys to entities earlier in the plan. */
    public record Step(EntityView entity, String variable, List<Link> links, boolean financial) {

        /** The Prisma where clause over the earlier steps' rows. */
        public String whereLiteral() {
            List<String> ors = new ArrayList<>();
            for (Link l : links) {
                ors.add("{ " + l.fkProperty() + ": { in: " + l.from() + ".map((r) => r.id) } }");
            }
            return ors.size() == 1 ? ors.get(0) : "{ OR: [" + String.join(", ", ors) + "] }";
        }

        public String serviceProperty() {
            return entity.names().pluralCamel();
        }

        public String financialReason() {
            return TsLiteral.string(FINANCIAL_REASON);
        }

        public List<Erasure> erasures() {
            return DataSubjectView.erasures(entity);
        }

        /** Whether erase writes anything to this entity's rows. */
        public boolean anyErased() {
            return erasures().stream().anyMatch(e -> !e.kept());
        }
    }

    /** A foreign key of a step's entity pointing at the rows of an earlier step ({@code from}, a variable). */
    public record Link(String fkProperty, String from, boolean required) {
    }

    DataSubjectView(EntityView subject, List<EntityView> entities) {
        this.subject = subject;
        Map<String, EntityView> byName = new LinkedHashMap<>();
        entities.forEach(e -> byName.put(e.name(), e));
        Map<String, Integer> depth = new LinkedHashMap<>();
        depth.put(subject.name(), 0);
        List<Step> plan = new ArrayList<>();
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put(subject.name(), "subjectRows");
        boolean added = true;
        // place an entity once every entity it points at (within reach) is placed; a cycle places the first waiting one
        while (added) {
            added = false;
            for (EntityView e : entities) {
                if (variables.containsKey(e.name())) {
                    continue;
                }
                List<Link> links = new ArrayList<>();
                int d = Integer.MAX_VALUE;
                for (RelationView r : e.foreignKeys()) {
                    String target = r.relation().target();
                    if (!target.equals(e.name()) && variables.containsKey(target) && depth.get(target) < MAX_DEPTH) {
                        links.add(new Link(r.fkProperty(), variables.get(target), r.required()));
                        d = Math.min(d, depth.get(target) + 1);
                    }
                }
                if (!links.isEmpty()) {
                    String variable = e.names().pluralCamel();
                    variables.put(e.name(), variable);
                    depth.put(e.name(), d);
                    plan.add(new Step(e, variable, links, financial(e)));
                    added = true;
                    break; // rescan: an entity placed now may be what a later one points at
                }
            }
        }
        this.steps = List.copyOf(plan);
    }

    static boolean financial(EntityView e) {
        String concept = e.entity().concept();
        return "invoice".equals(concept) || "payment".equals(concept)
                || e.fields().stream().anyMatch(f -> f.field().type() == FieldType.MONEY);
    }

    public EntityView subject() {
        return subject;
    }

    public List<Step> steps() {
        return steps;
    }

    public List<Step> erasedSteps() {
        return steps.stream().filter(s -> !s.financial()).toList();
    }

    public List<Step> keptSteps() {
        return steps.stream().filter(Step::financial).toList();
    }

    /** Every entity the plan reads, subject first: the caller needs the action on all rows of each. */
    public List<EntityView> entities() {
        List<EntityView> all = new ArrayList<>(List.of(subject));
        steps.forEach(s -> all.add(s.entity()));
        return all;
    }

    public String entityNamesLiteral() {
        return TsLiteral.stringArray(entities().stream().map(EntityView::name).toList());
    }

    public String className() {
        return subject.names().pascal() + "DataSubject";
    }

    public String fileName() {
        return subject.names().kebab() + ".data-subject";
    }

    public String financialReason() {
        return TsLiteral.string(FINANCIAL_REASON);
    }

    /** Whether the subject itself is a financial record (then erase keeps it too). */
    /** Whether the erase touches the collected rows (else it only checks that the subject is visible). */
    public boolean eraseUsesRows() {
        return !steps().isEmpty() || (!subjectFinancial() && subjectErased());
    }

    public boolean subjectFinancial() {
        return financial(subject);
    }

    // ---- generated tests ----

    /** Steps whose row from the test's createAll references the subject's row (through required foreign keys only). */
    public List<Step> expectedSteps() {
        List<String> reached = new ArrayList<>(List.of("subjectRows"));
        List<Step> out = new ArrayList<>();
        for (Step step : steps) {
            if (step.links().stream().anyMatch(l -> l.required() && reached.contains(l.from()))) {
                reached.add(step.variable());
                out.add(step);
            }
        }
        return out;
    }

    public String expectedEntitiesLiteral() {
        return TsLiteral.stringArray(expectedSteps().stream().map(s -> s.entity().name()).toList());
    }

    /** Per entity whose row erase anonymizes, the sampled personal fields it changes: {@code { Student: ['email'] }}. */
    public String erasedSampleFieldsLiteral() {
        List<String> parts = new ArrayList<>();
        if (!subjectFinancial()) {
            parts.add(subject.name() + ": " + sampledErased(subject));
        }
        for (Step step : expectedSteps()) {
            if (!step.financial()) {
                parts.add(step.entity().name() + ": " + sampledErased(step.entity()));
            }
        }
        return "{ " + String.join(", ", parts) + " }";
    }

    /** Entities whose rows erase keeps unchanged (financial records the test created). */
    public String keptEntitiesLiteral() {
        List<String> kept = new ArrayList<>();
        if (subjectFinancial()) {
            kept.add(subject.name());
        }
        expectedSteps().stream().filter(Step::financial).forEach(s -> kept.add(s.entity().name()));
        return TsLiteral.stringArray(kept);
    }

    private static String sampledErased(EntityView e) {
        List<String> sampled = e.sampleFields().stream().map(FieldView::property).toList();
        return TsLiteral.stringArray(erasures(e).stream().filter(x -> !x.kept() && sampled.contains(x.property())).map(Erasure::property).toList());
    }

    // ---- erase: the anonymous value of each personal field ----

    /** Personal fields of an entity with the value erase writes (TypeScript over {@code row}), in order. */
    public static List<Erasure> erasures(EntityView e) {
        List<Erasure> out = new ArrayList<>();
        for (FieldView f : e.fields()) {
            if (f.personal()) {
                out.add(erasure(f));
            }
        }
        return out;
    }

    public List<Erasure> subjectErasures() {
        return erasures(subject);
    }

    public boolean subjectErased() {
        return subjectErasures().stream().anyMatch(e -> !e.kept());
    }

    /** Entities the plan reads other than the subject, distinct, for the constructor's services. */
    public List<EntityView> otherEntities() {
        return steps.stream().map(Step::entity).toList();
    }

    /** A personal field and its anonymous value, or why it is kept ({@code value} null). */
    public record Erasure(String property, String value, String reason) {
        public boolean kept() {
            return value == null;
        }

        public String reasonLiteral() {
            return TsLiteral.string(reason);
        }
    }

    private static Erasure erasure(FieldView f) {
        var field = f.field();
        if (!f.required()) {
            return new Erasure(f.property(), "null", null);
        }
        if (f.encrypted() || f.tokenized()) {
            return new Erasure(f.property(), null, "required and encrypted: kept, unreadable without the key");
        }
        boolean free = field.pattern() == null && field.values().isEmpty();
        int max = field.maxLength() == null ? Integer.MAX_VALUE : field.maxLength();
        int min = field.minLength() == null ? 0 : field.minLength();
        String byId = "`erased-${ row.id }`";
        int byIdLength = "erased-".length() + 36;
        if (free && field.type() == FieldType.EMAIL && max >= byIdLength + "@erased.invalid".length()) {
            return new Erasure(f.property(), "`erased-${ row.id }@erased.invalid`", null);
        }
        if (free && (field.type() == FieldType.STRING || field.type() == FieldType.TEXT)) {
            if (byIdLength <= max && byIdLength >= min) {
                return new Erasure(f.property(), byId, null);
            }
            if (!f.unique() && "erased".length() <= max && "erased".length() >= min) {
                return new Erasure(f.property(), "'erased'", null);
            }
        }
        return new Erasure(f.property(), null, "required, and no anonymous value fits its type and constraints: kept");
    }
}
