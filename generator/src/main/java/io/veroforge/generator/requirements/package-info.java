/**
 * The requirement analyzer: turns the plain-language {@code requirements} of an AppSpec into a
 * {@link io.veroforge.generator.requirements.RequirementProposal} of entities, fields, relations
 * and roles, which the resolver merges under the explicit model (explicit always wins).
 * <p>
 * {@link io.veroforge.generator.requirements.RequirementEngine} is the seam between engines; the
 * offline one here ({@link io.veroforge.generator.requirements.EmbeddingRequirementEngine}) reads
 * noun phrases out of the sentences ({@link io.veroforge.generator.requirements.PhraseExtractor})
 * and places them in the ontology with in-process sentence embeddings
 * ({@link io.veroforge.generator.requirements.SentenceEmbedder}, LangChain4j all-MiniLM-L6-v2,
 * whose ONNX model ships inside its jar, so nothing is downloaded at run time).
 * <p>
 * May import {@code input}, {@code model}, {@code ontology}, {@code validate.ReservedWords} (proposed names must
 * be usable in generated code) and LangChain4j's embedding API; never
 * {@code resolve} (which calls this package) nor anything of Kubernetes.
 */
package io.veroforge.generator.requirements;
