/**
 * The Industry Abstraction Layer: universal entities and the vertical maps that translate an
 * industry's words into them. The data lives in YAML under {@code src/main/resources/ontology/};
 * the classes here only load and look it up.
 */
package io.veroforge.generator.ontology;
