/**
 * The app repositories the platform keeps and serves over Git smart HTTP for ArgoCD, with per-app
 * credentials.
 *
 * <p>May import: {@code config}, {@code platform}, {@code secrets}, JGit. No reconciler package.
 */
package io.veroforge.operator.delivery.git;
