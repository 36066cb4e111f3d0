/**
 * Writing user text into generated code as literals it can never break out of.
 *
 * <p>May import: nothing of the generator.
 */
package io.veroforge.generator.literal;
