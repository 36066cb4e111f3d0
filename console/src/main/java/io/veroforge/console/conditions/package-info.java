/**
 * How the console sums up a resource's conditions in one line: the first failing condition, never a green mark
 * over a failure. Shared by the Tenant, AppSpec and Generation pages.
 *
 * <p>May import: Fabric8's model. Never the pages, the generator or the operator.
 */
package io.veroforge.console.conditions;
