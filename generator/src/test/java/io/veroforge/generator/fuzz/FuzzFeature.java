package io.veroforge.generator.fuzz;

import java.util.EnumSet;
import java.util.Set;

/**
 * What the {@link SpecFuzzer} may put into a spec. Every feature is on in {@link #all()}, which CI and
 * the N-seed run use; a seed can be run with fewer ({@code -Dfuzz.features=all,-HIPAA}) to find which
 * feature breaks it. The issue-10 class each feature exercises is named beside it.
 */
public enum FuzzFeature {
    /** string fields with a {@code pattern} (class 1). */
    PATTERNS,
    /** min/max on numbers that an arbitrary sample breaks (class 1). */
    NUMERIC_BOUNDS,
    /** minLength/maxLength on text (class 1). */
    LENGTHS,
    /** email, url and phone fields (class 1). */
    FORMATS,
    /** unique fields, so the rows one test creates must differ (class 1). */
    UNIQUE,
    /** required manyToOne relations, so parents must be created first (class 1). */
    REQUIRED_PARENTS,
    /** card-number fields under any spelling, with or without the cardData marker (class 3). */
    CARD_DATA,
    /** explicit entities named like ontology terms, which the ontology must not pad (class 4). */
    ONTOLOGY_NAMES_WITH_FIELDS,
    /** snake_case field and entity names pasted from a database (class 5). */
    SNAKE_CASE,
    /** manyToMany relations (class 6). */
    MANY_TO_MANY,
    /** cron macros such as {@code @daily} (class 7). */
    CRON_MACROS,
    /** workflow recipients two relations deep, {@code {{a.b.email}}} (class 8). */
    DEEP_TEMPLATE_PATHS,
    /** sendEmail actions (class 9). */
    SEND_EMAIL,
    /** compliance.gdpr with data-subject entities (class 10). */
    GDPR,
    /** an entity related to itself (a parent/child tree). */
    SELF_RELATIONS,
    /** ownRowsOnly permissions. */
    OWN_ROWS_ONLY,
    /** compliance.hipaa and phi markers. */
    HIPAA,
    /** compliance.pci. */
    PCI,
    /** a vertical, with some of its terms named sparsely beside the explicit entities. */
    VERTICAL_TERMS,
    /** callWebhook, setField, createEntity, notify and custom actions, all trigger types. */
    WORKFLOWS,
    /**
     * entities with no fields whose names no ontology knows, alone or holding only the parent side of a
     * one-to-many, so nothing could be written to them (issue 10: they get a required name).
     */
    UNMATCHED_SPARSE,
    /** names that are valid but unusual: digits, acronyms, one letter, near the length limits. */
    ODD_NAMES;

    public static Set<FuzzFeature> all() {
        return EnumSet.allOf(FuzzFeature.class);
    }

    /** Parses a comma-separated list ({@code all} or feature names; {@code -NAME} removes one). */
    public static Set<FuzzFeature> parse(String text) {
        EnumSet<FuzzFeature> set = EnumSet.noneOf(FuzzFeature.class);
        for (String part : text.split(",")) {
            String p = part.trim();
            if (p.isEmpty()) {
                continue;
            }
            switch (p) {
                case "all" -> set.addAll(all());
                default -> {
                    if (p.startsWith("-")) {
                        set.remove(FuzzFeature.valueOf(p.substring(1)));
                    } else {
                        set.add(FuzzFeature.valueOf(p));
                    }
                }
            }
        }
        return set;
    }
}
