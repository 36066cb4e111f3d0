/**
 * Telemetry in: the Kafka consumer of the in-topics, the HTTP ingest endpoint for generated apps,
 * the contract check and the batched, de-duplicating store.
 *
 * <p>May import: the telemetry contract ({@code io.veroforge.api.telemetry}), Quarkus messaging,
 * the reactive PostgreSQL client, Micrometer. Never patterns or proposals.
 */
package io.veroforge.intelligence.events;
