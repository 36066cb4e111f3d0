package io.veroforge.api.v1alpha1;

/** Cardinality of a relation, read from the declaring entity towards its target. */
public enum RelationKind {
    oneToOne, oneToMany, manyToOne, manyToMany
}
