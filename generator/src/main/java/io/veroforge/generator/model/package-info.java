/**
 * The resolved application model: what flows from {@code resolve} to {@code synthesize}.
 * It is also the view model of the (future) Qute templates, so names and type mappings are
 * computed here (see {@link io.veroforge.generator.model.Field#sqlType()},
 * {@link io.veroforge.generator.model.EntityNames}) and templates stay free of logic.
 * Every element records where it came from ({@link io.veroforge.generator.model.Origin}).
 */
package io.veroforge.generator.model;
