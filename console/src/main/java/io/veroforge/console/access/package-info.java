/**
 * Who is signed in and what they may see: Tenant ownership, and the API clients that act as the user.
 *
 * <p>May import: the API model, Fabric8, Quarkus security. Never the pages, the generator or the operator.
 */
package io.veroforge.console.access;
