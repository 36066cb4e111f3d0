/**
 * Getting a committed Generation running: build its images ({@link io.veroforge.operator.delivery.KanikoBuild}
 * in-cluster or {@link io.veroforge.operator.delivery.ExternalBuild} by the repository's own CI), then deploy
 * its manifests ({@link io.veroforge.operator.delivery.DirectDeploy} or an ArgoCD Application through
 * {@link io.veroforge.operator.delivery.GitOpsDeploy}) and wait for the rollout
 * ({@link io.veroforge.operator.delivery.RolloutCheck}).
 *
 * {@link io.veroforge.operator.delivery.Deliveries} is the one entry point the pipeline deploys and rolls back
 * through, {@link io.veroforge.operator.delivery.Releases} what it builds and deploys from; a rollout
 * strategy (canary) goes here beside direct and gitops.
 *
 * <p>Errors the user can fix are {@link io.veroforge.operator.delivery.DeliveryException}s naming the
 * object or field and the fix; Kubernetes API errors are thrown as they come, for the reconciler to retry.
 *
 * <p>May import: {@code config}, {@code platform}, {@code secrets}, {@code delivery.git}. No reconciler package
 * (the generated files come in through {@link io.veroforge.operator.delivery.GenerationFiles}).
 */
package io.veroforge.operator.delivery;
