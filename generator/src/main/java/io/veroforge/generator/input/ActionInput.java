package io.veroforge.generator.input;

/**
 * One workflow action; which keys matter depends on {@code type} (see the validator).
 * {@code to} is an e-mail address, {@code role:<name>}, or a {@code {{field}}} expression on the triggering row.
 */
public record ActionInput(String type, String to, String template, String url, String field, String value,
                          String entity, String message) {
}
