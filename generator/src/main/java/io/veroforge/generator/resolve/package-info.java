/**
 * The {@code resolve} stage: {@link io.veroforge.generator.resolve.AppModelResolver} turns an
 * analyzed AppSpec into a complete {@link io.veroforge.generator.model.ResolvedModel} by filling
 * it from the ontology ({@link io.veroforge.generator.resolve.OntologyResolver}) and, under the explicit model, from
 * what the requirement analyzer ({@code io.veroforge.generator.requirements}) proposes, pairing
 * relations ({@link io.veroforge.generator.resolve.RelationPairing}), applying compliance
 * ({@link io.veroforge.generator.resolve.ComplianceInference}), recording gaps
 * ({@link io.veroforge.generator.resolve.GapDetector}) and validating the result.
 */
package io.veroforge.generator.resolve;
