/**
 * From pattern to improvement: the template abstractor (a pattern becomes a concrete ontology
 * change, template review or remediation), the checks (regenerating reference specs with the
 * change), risk classes, governance (auto-approval of low risk
 * with green checks, reviewers' decisions with who and when) and publishing on
 * {@code veroforge_improvements}.
 *
 * <p>May import: patterns (the entity it reads), the engine's config, Hibernate Reactive Panache,
 * Quarkus REST and messaging, Vert.x (to run the checks off the event loop). The abstractor, risk
 * classifier and governance rule are plain Java; the checks run the generator as a process, never
 * its classes.
 */
package io.veroforge.intelligence.proposals;
