package io.veroforge.console.proposals;

import java.util.function.Function;

/**
 * What a call to the intelligence engine came to: its answer, or one of the three ways it can fail that a page
 * words differently — not configured (say which setting), not answering (say where and why), or refusing (the
 * engine's own problem text and status).
 */
public sealed interface EngineAnswer<T> {

    record Answered<T>(T value) implements EngineAnswer<T> {
    }

    record NotConfigured<T>(String message) implements EngineAnswer<T> {
    }

    /** Down, slow, or answering something that is not the engine's JSON. */
    record Unreachable<T>(String message) implements EngineAnswer<T> {
    }

    record Refused<T>(int status, String message) implements EngineAnswer<T> {
    }

    default <R> EngineAnswer<R> map(Function<T, R> change) {
        if (this instanceof Answered<T> answered) {
            return new Answered<>(change.apply(answered.value()));
        }
        return failed();
    }

    /** This failure as an answer of another type; only for failures. */
    @SuppressWarnings("unchecked")
    default <R> EngineAnswer<R> failed() {
        if (this instanceof Answered<T>) {
            throw new IllegalStateException("an answer is not a failure");
        }
        return (EngineAnswer<R>) this;
    }

    /** The HTTP status a page answers with when the call failed: 503 not configured or unreachable, else the engine's. */
    default int pageStatus() {
        if (this instanceof Refused<T> refused) {
            return refused.status() == 401 || refused.status() == 403 ? 502 : refused.status();
        }
        return this instanceof Answered<T> ? 200 : 503;
    }

    /** What the page says instead of the answer; empty for an answer. */
    default String problem() {
        if (this instanceof NotConfigured<T> notConfigured) {
            return notConfigured.message();
        }
        if (this instanceof Unreachable<T> unreachable) {
            return unreachable.message();
        }
        if (this instanceof Refused<T> refused) {
            return refused.message();
        }
        return "";
    }
}
