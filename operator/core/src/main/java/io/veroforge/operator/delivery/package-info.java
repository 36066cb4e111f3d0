/**
 * Getting a committed Generation running: build its images ({@link io.veroforge.operator.delivery.KanikoBuild}
 * in-cluster or {@link io.veroforge.operator.delivery.ExternalBuild} by the repository's own CI), then deploy
 * its manifests ({@link io.veroforge.operator.delivery.DirectDeploy} or an ArgoCD Application through
 * {@link io.veroforge.operator.delivery.GitOpsDeploy}) and wait for the rollout
 * ({@link io.veroforge.operator.delivery.RolloutCheck}).
 *
 * <p>Errors the user can fix are {@link io.veroforge.operator.delivery.DeliveryException}s naming the
 * object or field and the fix; Kubernetes API errors are thrown as they come, for the reconciler to retry.
 */
package io.veroforge.operator.delivery;
