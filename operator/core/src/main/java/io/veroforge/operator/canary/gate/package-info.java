/**
 * The KPI gate: scores a canary revision from its metric samples and the stable revision's, and
 * recommends promote, rollback or continue ({@link io.veroforge.operator.canary.gate.KpiGate}).
 * Pure Java: same inputs give the same evaluation, so every decision can be replayed in a unit test.
 *
 * <p>May import: the JDK and Apache Commons Math. No Kubernetes, no CRD model, no other operator
 * package (ArchitectureTest), so the gate is tested without a cluster and a router or provider
 * never leaks into scoring.
 */
package io.veroforge.operator.canary.gate;
