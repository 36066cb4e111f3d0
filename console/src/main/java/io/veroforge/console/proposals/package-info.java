/**
 * The intelligence engine's improvement proposals: the list, one proposal with its evidence, risk, checks and
 * decisions, and approve or reject with a reason — all through the engine's REST API
 * ({@code /api/v1/proposals}, {@code /api/v1/patterns}) with the console's reviewer token. Anyone signed in may read;
 * only platform admins ({@link io.veroforge.console.access.PlatformAdmins}) may decide. When the engine is not
 * configured or does not answer, the pages say so.
 *
 * <p>May import: Quarkus, Jackson, the JDK's HTTP client, {@code io.veroforge.console.access}. Never the intelligence
 * engine's classes (its shapes are restated in {@link io.veroforge.console.proposals.ProposalJson}), the generator
 * or the operator.
 */
package io.veroforge.console.proposals;
