/**
 * Valid sample values for the generated tests: strings that satisfy a field's pattern, lengths and
 * format (e-mail, URL, phone), several distinct ones where a test creates more than one row. The
 * validator asks the same classes whether a sample exists, so a spec whose constraints cannot be
 * sampled is refused with the field's path instead of producing a test that fails. Imports only
 * {@code io.veroforge.generator.model} and RgxGen; deterministic (fixed seeds).
 */
package io.veroforge.generator.samples;
