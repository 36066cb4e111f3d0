package io.veroforge.generator.ai;

/**
 * A call to the language model that did not give an answer, with the cause named so the
 * Generation's {@code AiDegraded} condition (reason = {@link Cause#reason()}) tells the platform
 * owner what to fix. Never carries the API key or the prompt.
 */
public final class AiFailure extends RuntimeException {

    /** Why; {@link #retriable()} causes are retried with backoff before they surface. */
    public enum Cause {
        TIMEOUT("ProviderTimeout", true),
        RATE_LIMITED("ProviderRateLimited", true),
        SERVER_ERROR("ProviderServerError", true),
        MALFORMED_RESPONSE("ProviderMalformedResponse", true),
        UNREACHABLE("ProviderUnreachable", true),
        AUTHENTICATION("ProviderAuthenticationFailed", false),
        REJECTED_REQUEST("ProviderRejectedRequest", false),
        CIRCUIT_OPEN("ProviderCircuitOpen", false),
        BUDGET_EXCEEDED("AiBudgetExceeded", false);

        private final String reason;
        private final boolean retriable;

        Cause(String reason, boolean retriable) {
            this.reason = reason;
            this.retriable = retriable;
        }

        /** A condition reason in CamelCase, e.g. {@code ProviderRateLimited}. */
        public String reason() {
            return reason;
        }

        public boolean retriable() {
            return retriable;
        }
    }

    private final Cause cause;

    public AiFailure(Cause cause, String message) {
        super(message, null, false, false);
        this.cause = cause;
    }

    public Cause kind() {
        return cause;
    }

    /** {@code ProviderRateLimited: HTTP 429 from openai at http://…, 3 attempts}: what an AiDegraded condition says. */
    public String describe() {
        return cause.reason() + ": " + getMessage();
    }
}
