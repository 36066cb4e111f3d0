/**
 * The generator: {@link io.veroforge.generator.GenerationPipeline} runs analyze, resolve, synthesize,
 * scan and publish on a plain data model. A library and a CLI.
 *
 * <p>May import: no Kubernetes and no Quarkus classes (ArchUnit keeps it so).
 */
package io.veroforge.generator;
