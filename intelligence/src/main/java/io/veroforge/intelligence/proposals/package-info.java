/**
 * From pattern to improvement: the template abstractor (a pattern becomes a concrete ontology
 * change, template review or remediation), risk classes, governance (auto-approval of low risk
 * with green checks, reviewers' decisions with who and when) and publishing on
 * {@code veroforge_improvements}.
 *
 * <p>May import: patterns (the entity it reads), Hibernate Reactive Panache, Quarkus REST and
 * messaging. The abstractor, risk classifier and governance rule are plain Java.
 */
package io.veroforge.intelligence.proposals;
