package io.veroforge.generator.ai;

import com.fasterxml.jackson.core.JacksonException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Every call to the model goes through here: at most {@code maxAttempts} attempts, exponential
 * backoff between them, a {@code 429}'s {@code Retry-After} honoured (up to a cap), every attempt
 * counted by the shared {@link CircuitBreaker}; what cannot be answered ends as one
 * {@link AiFailure} naming the cause. Thread-safe; one instance per configured provider.
 */
public final class ResilientChat {

    /** Waits between attempts; tests record the waits instead of timing them. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final AiProviderSettings settings;
    private final ChatModel model;
    private final CircuitBreaker breaker;
    private final Sleeper sleeper;

    public ResilientChat(AiProviderSettings settings, ChatModel model, CircuitBreaker breaker, Sleeper sleeper) {
        this.settings = settings;
        this.model = model;
        this.breaker = breaker;
        this.sleeper = sleeper;
    }

    /** The production wiring: LangChain4j model over {@link ProviderHttpClient}, the system clock, real sleeps. */
    public static ResilientChat connect(AiProviderSettings settings) {
        return connect(settings, d -> Thread.sleep(d.toMillis()));
    }

    public static ResilientChat connect(AiProviderSettings settings, Sleeper sleeper) {
        Clock clock = Clock.systemUTC();
        ChatModel model = ChatModels.build(settings, new ProviderHttpClient.Builder(clock));
        AiProviderSettings.Resilience r = settings.resilience();
        return new ResilientChat(settings, model, new CircuitBreaker(r.failuresToOpen(), r.openFor(), clock), sleeper);
    }

    public AiProviderSettings settings() {
        return settings;
    }

    public CircuitBreaker breaker() {
        return breaker;
    }

    public ChatResponse chat(ChatRequest request) {
        AiProviderSettings.Resilience r = settings.resilience();
        for (int attempt = 1; ; attempt++) {
            if (!breaker.tryAcquire()) {
                throw new AiFailure(AiFailure.Cause.CIRCUIT_OPEN, "circuit to " + settings.describe() + " is " + breaker.describe());
            }
            AiFailure failure;
            Optional<Duration> retryAfter = Optional.empty();
            try {
                ChatResponse response = model.chat(request);
                if (response == null || response.aiMessage() == null || response.aiMessage().text() == null) {
                    failure = new AiFailure(AiFailure.Cause.MALFORMED_RESPONSE, "answer from " + settings.describe() + " has no text");
                } else {
                    breaker.onSuccess();
                    return response;
                }
            } catch (RuntimeException e) {
                failure = classify(e);
                retryAfter = find(e, ProviderHttpClient.Failed.class).flatMap(ProviderHttpClient.Failed::retryAfter);
            }
            breaker.onFailure(failure.getMessage());
            if (!failure.kind().retriable() || attempt >= r.maxAttempts()) {
                throw new AiFailure(failure.kind(), failure.getMessage() + " (" + attempt + " attempt(s))");
            }
            Duration wait = r.initialBackoff().multipliedBy(1L << (attempt - 1));
            if (failure.kind() == AiFailure.Cause.RATE_LIMITED && retryAfter.isPresent()) {
                if (retryAfter.get().compareTo(r.maxRetryAfter()) > 0) {
                    throw new AiFailure(AiFailure.Cause.RATE_LIMITED, failure.getMessage() + ": asked to retry after " + retryAfter.get()
                            + ", longer than the " + r.maxRetryAfter() + " allowed");
                }
                wait = retryAfter.get();
            }
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AiFailure(failure.kind(), failure.getMessage() + " (interrupted while waiting to retry)");
            }
        }
    }

    private AiFailure classify(RuntimeException e) {
        Optional<ProviderHttpClient.Failed> http = find(e, ProviderHttpClient.Failed.class);
        if (http.isPresent()) {
            int status = http.get().statusCode();
            String what = "HTTP " + status + " from " + settings.describe() + ": " + shorten(http.get().getMessage());
            AiFailure.Cause cause = status == 429 ? AiFailure.Cause.RATE_LIMITED
                    : status == 401 || status == 403 ? AiFailure.Cause.AUTHENTICATION
                    : status == 408 ? AiFailure.Cause.TIMEOUT
                    : status >= 500 ? AiFailure.Cause.SERVER_ERROR
                    : AiFailure.Cause.REJECTED_REQUEST;
            return new AiFailure(cause, what);
        }
        if (find(e, TimeoutException.class).isPresent() || find(e, HttpTimeoutException.class).isPresent()) {
            return new AiFailure(AiFailure.Cause.TIMEOUT, "no answer from " + settings.describe() + " within " + settings.timeout());
        }
        if (find(e, ProviderHttpClient.UncheckedUnreachable.class).isPresent()) {
            return new AiFailure(AiFailure.Cause.UNREACHABLE, find(e, ProviderHttpClient.UncheckedUnreachable.class).get().getMessage());
        }
        if (find(e, JacksonException.class).isPresent()) {
            return new AiFailure(AiFailure.Cause.MALFORMED_RESPONSE, "answer from " + settings.describe() + " is not the protocol's JSON: "
                    + shorten(find(e, JacksonException.class).get().getOriginalMessage()));
        }
        // anything else the client library threw on an answer it could not read
        return new AiFailure(AiFailure.Cause.MALFORMED_RESPONSE, "unreadable answer from " + settings.describe() + ": "
                + e.getClass().getSimpleName() + " " + shorten(String.valueOf(e.getMessage())));
    }

    private static <T extends Throwable> Optional<T> find(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return Optional.of(type.cast(t));
            }
        }
        return Optional.empty();
    }

    private static String shorten(String text) {
        String one = text == null ? "" : text.replaceAll("\\s+", " ").strip();
        return one.length() <= 200 ? one : one.substring(0, 199) + "…";
    }
}
