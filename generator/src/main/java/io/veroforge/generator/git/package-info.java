/**
 * The app repositories (JGit): the clean {@code generated} branch, the customer's branch merged
 * three-way, remote mirrors over HTTPS or SSH.
 *
 * <p>May import: the generator's model. No Kubernetes classes.
 */
package io.veroforge.generator.git;
