/**
 * Similar apps: an app's requirements and the summary of its resolved model as one sentence
 * embedding, compared by cosine similarity with other apps'. Where the vectors are kept is the
 * caller's business (the operator: the platform's PostgreSQL; the CLI: the files it is given).
 *
 * <p>May import: the model and the requirement package's embedder. Nothing of synthesis or Git.
 */
package io.veroforge.generator.similar;
