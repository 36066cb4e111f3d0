/**
 * The telemetry event contract (a JSON Schema shipped in this jar) shared by the operator and the
 * intelligence engine.
 */
package io.veroforge.api.telemetry;
