/**
 * Reading Secret values (data or stringData) in one place.
 *
 * <p>May import: Fabric8 only. Everything may import it.
 */
package io.veroforge.operator.secrets;
