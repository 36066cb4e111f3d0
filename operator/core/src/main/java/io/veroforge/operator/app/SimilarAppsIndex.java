package io.veroforge.operator.app;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.veroforge.api.v1alpha1.SimilarApp;
import io.veroforge.generator.model.ResolvedModel;
import io.veroforge.generator.requirements.SentenceEmbedder;
import io.veroforge.generator.similar.AppFingerprint;
import io.veroforge.generator.similar.SimilarApps;
import io.veroforge.operator.db.PostgresAppVectors;
import io.veroforge.operator.db.SharedPostgres;

/**
 * {@code status.similarApps}: the app's fingerprint is embedded (the sentence model the analyzer
 * uses, in process) and kept in the platform's PostgreSQL beside the namespace's other apps, then
 * compared with theirs. Best effort: similar apps are a hint for the console, so a database that
 * does not answer leaves the last answer in place and never fails or delays the app's story.
 * Another app's list is brought up to date on its own next reconcile.
 */
@ApplicationScoped
public class SimilarAppsIndex {
    private static final Logger LOG = Logger.getLogger(SimilarAppsIndex.class);

    private final PostgresAppVectors vectors;
    private final boolean enabled;

    @Inject
    public SimilarAppsIndex(SharedPostgres postgres, @ConfigProperty(name = "veroforge.similar-apps.enabled", defaultValue = "true") boolean enabled) {
        this.vectors = new PostgresAppVectors(postgres);
        this.enabled = enabled;
    }

    /** The nearest apps of the namespace, or empty when they cannot be known now (keep what status says). */
    Optional<List<SimilarApp>> of(String namespace, String name, ResolvedModel model) {
        if (!enabled) {
            return Optional.of(List.of());
        }
        try {
            String text = AppFingerprint.text(model);
            float[] vector = SentenceEmbedder.shared().embed(text);
            List<SimilarApps.Candidate> others = vectors.keepAndListOthers(namespace, name, hash(text), vector).stream()
                    .map(s -> new SimilarApps.Candidate(s.name(), s.vector())).toList();
            return Optional.of(SimilarApps.nearest(vector, others, SimilarApps.DEFAULT_LIMIT, SimilarApps.DEFAULT_MINIMUM).stream()
                    .map(m -> new SimilarApp(m.name(), m.similarity())).toList());
        } catch (RuntimeException e) {
            LOG.warnf("similar apps of %s/%s not updated: %s", namespace, name, e.getMessage());
            return Optional.empty();
        }
    }

    /** The app was deleted: it stops being anyone's similar app. */
    void forget(String namespace, String name) {
        if (!enabled) {
            return;
        }
        try {
            vectors.forget(namespace, name);
        } catch (RuntimeException e) {
            LOG.warnf("the similarity vector of deleted app %s/%s stays until the next delete: %s", namespace, name, e.getMessage());
        }
    }

    /** The model name is part of the hash: another model's vectors are not comparable. */
    private static String hash(String text) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(SentenceEmbedder.MODEL_NAME.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            return HexFormat.of().formatHex(sha.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
