/**
 * Gap filling: code for what the templates cannot express ({@link io.veroforge.generator.model.Gap}:
 * a free-text business rule, a custom workflow action). A {@link io.veroforge.generator.gaps.GapFiller}
 * turns one gap into a {@link io.veroforge.generator.gaps.GapFill} (a TypeScript handler body);
 * {@link io.veroforge.generator.gaps.TemplateOnlyGapFiller} writes a clearly marked handler that
 * fails loudly at runtime, and {@link io.veroforge.generator.gaps.GapReport} counts what was
 * filled and what was not. The language-model filler comes later and implements the same interface.
 */
package io.veroforge.generator.gaps;
