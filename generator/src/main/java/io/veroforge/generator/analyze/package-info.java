/**
 * The {@code analyze} stage: read an AppSpec (a Kubernetes manifest in YAML, or an already bound
 * {@link io.veroforge.generator.input.AppSpecInput}) and check it as written.
 */
package io.veroforge.generator.analyze;
