/**
 * Kubernetes Events about VeroForge resources, folded by repeat as the kubelet does.
 *
 * <p>May import: Fabric8 only. Everything may import it.
 */
package io.veroforge.operator.events;
