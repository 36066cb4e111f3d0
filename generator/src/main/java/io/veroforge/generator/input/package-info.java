/**
 * The generator's own input model: what a user writes under {@code spec:} of an AppSpec,
 * bound by Jackson from YAML. Deliberately stringly typed for enumerations (field types,
 * relation kinds, actions) so that a typo becomes a validation problem with a suggestion
 * rather than a parse failure; {@link io.veroforge.generator.validate.InputValidator}
 * checks them and the resolver turns them into typed values.
 */
package io.veroforge.generator.input;
