package io.veroforge.generator.ai;

import java.util.Optional;

/**
 * Validated fills by content hash ({@link LlmGapFiller#cacheKey}), so the same contract never
 * costs a second call: on disk for the CLI ({@link DiskFillCache}); the operator can implement
 * it over the platform's PostgreSQL.
 */
public interface FillCache {

    /** A fill that passed validation when it was stored. */
    record Entry(java.util.List<String> imports, String body, double confidence, String model, String promptHash, int attempts) {
    }

    Optional<Entry> get(String key);

    void put(String key, Entry entry);

    FillCache NONE = new FillCache() {
        @Override
        public Optional<Entry> get(String key) {
            return Optional.empty();
        }

        @Override
        public void put(String key, Entry entry) {
        }
    };
}
