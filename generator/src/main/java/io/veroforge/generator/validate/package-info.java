/**
 * Validation of AppSpecs: {@link io.veroforge.generator.validate.InputValidator} checks what a
 * user wrote (types, keywords, constraints), {@link io.veroforge.generator.validate.ModelValidator}
 * checks the resolved model (references, reserved words, name collisions, compliance
 * combinations). Both report every problem at once, each with a path and a fix.
 */
package io.veroforge.generator.validate;
