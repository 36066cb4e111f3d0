/**
 * Pattern detection: SQL over the stored events in a time window, grouped by structure, kept only
 * when at least k distinct tenants show it (k-anonymity); patterns carry counts, never tenants.
 *
 * <p>May import: the engine's config, Hibernate Reactive Panache, the reactive PostgreSQL client,
 * Quarkus messaging. Never events (it reads their table, not their classes) or proposals.
 */
package io.veroforge.intelligence.patterns;
