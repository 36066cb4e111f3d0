package io.veroforge.generator.model;

/** How a field's value is kept at rest; decided by compliance inference. */
public enum FieldStorage {
    /** An ordinary column. */
    PLAIN,
    /** HIPAA: a bytea column written with pgcrypto {@code pgp_sym_encrypt} and read with {@code pgp_sym_decrypt}. */
    ENCRYPTED,
    /** PCI: only a payment-provider token is stored, never the card data itself. */
    TOKENIZED
}
