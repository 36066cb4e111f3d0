/**
 * The AppSpec reconciler: resolve the spec with the generator, record a new immutable Generation when
 * the model changed, keep the revision history, report.
 *
 * <p>May import: shared machinery and the generator; of the pipeline only
 * {@code generation.DeployedGeneration} (which Generation serves). No tenant package.
 */
package io.veroforge.operator.app;
