/**
 * Conditions and status for every kind: {@link io.veroforge.operator.conditions.ConditionAggregator}
 * turns outcomes into {@code metav1.Condition}s, {@link io.veroforge.operator.conditions.StatusReporter}
 * writes a status only when it changed and warns once per new failure.
 *
 * <p>May import: the API model ({@code io.veroforge.api}), Fabric8 and JOSDK. No reconciler package.
 */
package io.veroforge.operator.conditions;
