package io.veroforge.api.v1alpha1;

/** What a field holds, beyond its type; drives encryption, audit, masking and search indexes. */
public enum FieldMarker {
    /** Personal data (GDPR): exported and erased with the person, masked in logs. */
    pii,
    /** Protected health information (HIPAA): encrypted at rest, every read and write audited. */
    phi,
    /** Card data (PCI): never stored raw; the column holds a token from the payment provider. */
    cardData,
    /** Indexed for full-text search in lists and the API. */
    searchable
}
