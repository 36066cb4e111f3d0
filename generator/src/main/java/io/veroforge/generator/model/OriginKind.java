package io.veroforge.generator.model;

public enum OriginKind {
    /** Written in the AppSpec. */
    EXPLICIT,
    /** A default from the vertical's map in the ontology. */
    VERTICAL,
    /** A default of a universal entity in the ontology. */
    UNIVERSAL,
    /** Added or changed by compliance inference. */
    COMPLIANCE,
    /** Proposed by the requirement analyzer from the requirements text (engine, model, phrase and confidence in the detail). */
    REQUIREMENTS,
    /** Implied by another element (an inverse relation, an owner column, a default page). */
    DERIVED
}
