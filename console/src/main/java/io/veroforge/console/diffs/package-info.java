/**
 * The diff viewer: the code of two Generations of an app, or of a Generation's generated commit and the customer's
 * branch, read from the app's repository (the platform-kept one, over Git smart HTTP with the app's credentials Secret
 * read as the user) and diffed by JGit ({@code DiffFormatter}, {@code HistogramDiff}), shown unified or side by side.
 *
 * <p>May import: the API model, Fabric8, Quarkus, JGit, {@code io.veroforge.console.access}, and of the app pages only
 * {@code AppDirectory} (who may see which app and Generation). Never the generator or the operator.
 */
package io.veroforge.console.diffs;
