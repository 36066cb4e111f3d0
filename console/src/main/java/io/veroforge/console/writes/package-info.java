/**
 * Writing a CR as the signed-in user: the API server's dry-run first, its refusals at the field they name, and
 * the YAML a user edited read back into one object of the expected kind. Shared by every page that creates CRs.
 *
 * <p>May import: the API model, Fabric8, {@code io.veroforge.console.access}. Never the pages, the generator or
 * the operator.
 */
package io.veroforge.console.writes;
