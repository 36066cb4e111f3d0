/**
 * The web console: pages that write VeroForge CRs and read their status through the Fabric8 client.
 *
 * <p>May import: the API model. Never the generator or the operator.
 */
package io.veroforge.console;
