/**
 * An app's Canaries: the list, and each Canary's page — steps and where the rollout is, the score over time as a
 * server-rendered SVG chart, every KPI's value against its threshold and the stable baseline with the PromQL the
 * gate sent, the decision history, and a person's promote or abort written as the annotations the operator reads,
 * after a dry-run and a diff of what changes. A Canary is reached through an app the user may see
 * ({@link io.veroforge.console.apps.AppDirectory}) and read or written as the user.
 *
 * <p>May import: the API model, Fabric8, Quarkus, {@code io.veroforge.console.access},
 * {@code io.veroforge.console.apps} (only {@code AppDirectory}), {@code io.veroforge.console.writes},
 * {@code io.veroforge.console.conditions}. Never the generator or the operator.
 */
package io.veroforge.console.canaries;
