/**
 * The improvements overlay: a Git repository the platform keeps, one commit per approved
 * improvement, read on top of the built-in ontology. Its content hash is folded into the pack
 * revision, so an improvement reaches every app as a new Generation, never any other way.
 *
 * <p>May import: {@code ontology}, {@code input}, {@code model}, {@code resolve} (to check that an
 * overlay still resolves), {@code synthesize.Pack}, JGit and Jackson. No Kubernetes.
 */
package io.veroforge.generator.overlay;
