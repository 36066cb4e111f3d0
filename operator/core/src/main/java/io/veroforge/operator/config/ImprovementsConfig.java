package io.veroforge.operator.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Where approved improvements come from (Helm: {@code improvements.*}; docs/intelligence.md): the
 * improvements overlay the generator reads on top of its built-in ontology, and whether the operator
 * commits the messages of {@code veroforge_improvements} to it (only with a telemetry broker).
 */
@ConfigMapping(prefix = "veroforge.improvements")
public interface ImprovementsConfig {

    /**
     * The overlay: a Git repository (its committed HEAD is read) or a plain directory of
     * {@code ontology/<Type>.yaml} files a platform engineer keeps. Missing = no improvements.
     */
    @WithDefault("/var/lib/veroforge/improvements-overlay")
    String overlayDir();

    /** Commit what {@code veroforge_improvements} carries to the overlay (needs {@code veroforge.telemetry.kafka-bootstrap-servers}). */
    @WithDefault("true")
    boolean consume();

    /** The consumer group; offsets committed only after the overlay commit, and a replay commits nothing new. */
    @WithDefault("veroforge-operator-improvements")
    String groupId();

    /** How often the overlay directory is read again, for overlays edited by hand (an unchanged overlay changes nothing). */
    @WithDefault("60s")
    Duration rereadEvery();
}
