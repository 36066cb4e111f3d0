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
     * DBSCAN's eps for grouping similar customer edits that are each below k tenants (docs/intelligence.md,
     * Detection): 0.5 lets the field type vary within its family and the optionality vary; 0 turns it off.
     */
    @WithDefault("0.5")
    double similarEdits();

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

    /** How a proposal is checked before it is offered (docs/intelligence.md, Checks). */
    Checks checks();

    interface Checks {
        /**
         * The generator CLI as a command line, split on whitespace (e.g. {@code java -jar
         * /opt/veroforge/veroforge-generator-cli.jar}); {@code generate -f … -o … --overlay …} is
         * appended. Unset = checks are not run and every proposal waits for a reviewer.
         */
        java.util.Optional<String> command();

        /** The longest one generation may take before the check counts as failed. */
        @WithDefault("180s")
        Duration timeout();

        /** A directory of AppSpec YAML files to regenerate; unset = the reference specs bundled with the engine. */
        java.util.Optional<String> referenceSpecs();
    }
}
