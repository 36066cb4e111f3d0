package io.veroforge.operator.canary;

/** The router cannot do its job because of something the user can fix; the message names the field and the fix. */
final class RouterException extends RuntimeException {
    RouterException(String message) {
        super(message);
    }
}
