/**
 * The intelligence engine: telemetry consumers, pattern detection, template improvement proposals.
 *
 * <p>May import: the API model (its telemetry schema). Never the generator or the operator.
 */
package io.veroforge.intelligence;
