package io.veroforge.console.proposals;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where the console finds the intelligence engine ({@code veroforge.console.intelligence.*}); docs/console.md lists them. */
@ConfigMapping(prefix = "veroforge.console.intelligence")
public interface IntelligenceSettings {
    /** The engine's base URL, e.g. {@code http://veroforge-intelligence:8081}. Unset: the proposal pages say so. */
    Optional<URI> url();

    /**
     * The bearer token of the console's entry in the engine's {@code veroforge.intelligence.reviewers.<name>}; the
     * engine records decisions under that name, and the console adds who decided to the reason.
     */
    Optional<String> token();

    /** How long one call to the engine may take before the page says it does not answer. */
    @WithDefault("5s")
    Duration timeout();
}
