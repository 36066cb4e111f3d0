package io.veroforge.intelligence;

import java.time.Duration;
import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The engine's settings ({@code veroforge.intelligence.*}); docs/intelligence.md lists them. */
@ConfigMapping(prefix = "veroforge.intelligence")
public interface IntelligenceConfig {
    /**
     * A pattern exists only when at least this many distinct tenants show it (k-anonymity). Below 2
     * a pattern would describe one tenant's behaviour, so smaller values are refused at start.
     */
    @WithDefault("10")
    int kAnonymity();

    /** How far back pattern detection looks. */
    @WithDefault("30d")
    Duration window();

    /** How often detection runs on its own (a reviewer can also run it: POST /api/v1/detect). */
    @WithDefault("60s")
    Duration detectEvery();

    /** A stage slower than this in k tenants is a slow-stage pattern. */
    @WithDefault("120s")
    Duration slowStage();

    /**
     * Reviewers by name, each with the bearer token that identifies them to the proposal API
     * (from a Secret in the chart). A decision is recorded under the name.
     */
    Map<String, String> reviewers();

    /**
     * Generated apps' ingest tokens: the anonymized customer id (32 hex) → the token the platform
     * issued for it (keyed by customer so the keys are valid environment names:
     * {@code VEROFORGE_INTELLIGENCE_INGEST_TOKENS_<customerId>}). An app never names its own
     * customer id; its token does.
     */
    @io.smallrye.config.WithName("ingest-tokens")
    Map<String, String> ingestTokens();
}
