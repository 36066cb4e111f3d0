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
 *
 * <p>A field is a {@link io.veroforge.generator.synthesize.FieldView} with what every layer shares
 * (property, column, label, required, storage, markers) and one view per layer, reached in the
 * templates as {@code f.sql}, {@code f.prisma}, {@code f.dto}, {@code f.ui} and {@code f.samples}:
 * {@link io.veroforge.generator.synthesize.FieldSql} (column DDL, checks, unique key, search index;
 * the {@code migrate} package plans column changes from it, so a migrated column matches a fresh
 * install), {@link io.veroforge.generator.synthesize.FieldPrisma},
 * {@link io.veroforge.generator.synthesize.FieldDto} (DTO type and decorators, filter, sort, the
 * service's read and write expressions), {@link io.veroforge.generator.synthesize.FieldUi} and
 * {@link io.veroforge.generator.synthesize.FieldSamples} (values for the generated tests).
 *
 * <p>May import: {@code model} (the data flowing in), {@code gaps} (gap handlers and their bodies),
 * {@code literal}, Qute and the JDK. Not the stages after it ({@code scan}, {@code git}) nor the
 * ones before the model ({@code input}, {@code analyze}, {@code resolve}); {@code migrate} and the
 * pipeline import this package, never the reverse.
 */
package io.veroforge.generator.synthesize;
