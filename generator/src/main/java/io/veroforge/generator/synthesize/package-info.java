/**
 * The {@code synthesize} stage: a {@link io.veroforge.generator.model.ResolvedModel} in, a
 * {@link io.veroforge.generator.synthesize.GeneratedRepository} (path → content) out.
 * {@link io.veroforge.generator.synthesize.Synthesizer} renders the Qute templates of a
 * {@link io.veroforge.generator.synthesize.Pack} with the pack's view model
 * ({@link io.veroforge.generator.synthesize.AppView} and friends), where every name, type
 * mapping and literal is computed, so the templates only print. Gaps become handler files whose
 * bodies come from a {@link io.veroforge.generator.synthesize.GapBodyProvider}, normally
 * {@code GapBodyProvider.filledBy(gapFiller)}: the {@code gaps} package's template-only filler by
 * default, the AI gap filler later.
 */
package io.veroforge.generator.synthesize;
