/**
 * The requirement chat: a person describes their business in plain language, the console writes it to a draft
 * AppSpec ({@code spec.draft: true}, {@code spec.requirements}), the AppSpec reconciler previews the model in
 * {@code status.preview}, and the person refines it (another message, a field) until Create clears the draft mark.
 * The transcript is an annotation of the AppSpec ({@link io.veroforge.console.chat.Transcript}).
 *
 * <p>May import: the API model, Fabric8, Quarkus, Jackson, {@code io.veroforge.console.access},
 * {@code io.veroforge.console.writes}, {@code io.veroforge.console.conditions}, and of the app pages only
 * {@code AppDirectory} (who may see which app), {@code ModelDiagram} (the ER diagram) and {@code SimilarAppLinks}
 * (the similar apps of an AppSpec already read through the directory; it reads nothing). Never the generator or the
 * operator: the model comes from status.
 */
package io.veroforge.console.chat;
