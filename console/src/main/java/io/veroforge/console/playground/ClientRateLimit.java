package io.veroforge.console.playground;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * How many demo Tenants each client address asked for in the current window: a count per address that Caffeine
 * forgets {@code window} after the address's first request (a fixed window), bounded in size so a flood of addresses
 * cannot grow it without end. Behind an Ingress the address is the client's only with
 * {@code quarkus.http.proxy.proxy-address-forwarding} on (docs/console.md).
 */
@ApplicationScoped
public class ClientRateLimit {
    private final int allowed;
    private final Duration window;
    private final Cache<String, AtomicInteger> counts;

    @Inject
    public ClientRateLimit(PlaygroundSettings settings) {
        this.allowed = settings.requestsPerClient();
        this.window = settings.window();
        this.counts = Caffeine.newBuilder().expireAfterWrite(window).maximumSize(100_000).build();
    }

    /** True, and counted, when {@code address} may make one more request now. */
    public boolean tryAcquire(String address) {
        return counts.get(address, a -> new AtomicInteger()).incrementAndGet() <= allowed;
    }

    public int allowed() {
        return allowed;
    }

    public Duration window() {
        return window;
    }
}
