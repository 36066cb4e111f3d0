/**
 * Reading what the API server sends when it does not match the model: a VeroForge object with a
 * value the operator cannot represent (an unknown enum value, a number where a string belongs, a
 * field of a newer CRD) is read with that value left out instead of failing the informer, which
 * would stop its controller for the whole run. Each such object is logged once and counted
 * ({@code veroforge_undecodable_objects_total{kind}}); the reconciler's own spec checks then report
 * the missing value in status. {@link io.veroforge.operator.decoding.InformerLiveness} makes the pod
 * restart should an informer stop anyway. May import Jackson, the Fabric8 model, JOSDK health and
 * Micrometer and the API model (crds); nothing of the operator's own packages.
 */
package io.veroforge.operator.decoding;
