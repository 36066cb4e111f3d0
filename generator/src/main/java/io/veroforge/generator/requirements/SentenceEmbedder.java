package io.veroforge.generator.requirements;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * In-process sentence embeddings (all-MiniLM-L6-v2, 384 dimensions, normalised vectors) with a
 * cache by text. The ONNX session costs seconds and some 100 MB of native memory to open (from
 * files, {@link ModelFiles}, never through the heap), so there is one per JVM, opened on first use
 * ({@link #shared()}); the operator and the CLI pay for it only when a spec has requirements.
 * Vectors are deterministic for a text, which keeps resolution repeatable.
 */
public final class SentenceEmbedder {

    public static final String MODEL_NAME = "all-minilm-l6-v2";
    /** Phrases are short and specs have a few dozen; a bounded cache keeps a long-running operator's memory flat. */
    static final int CACHE_LIMIT = 50_000;

    private static volatile SentenceEmbedder shared;

    private final EmbeddingModel model;
    private final long loadMillis;
    private final Map<String, float[]> cache = new ConcurrentHashMap<>();

    SentenceEmbedder(EmbeddingModel model, long loadMillis) {
        this.model = model;
        this.loadMillis = loadMillis;
    }

    /** The JVM's embedder, loading the model on first call. */
    public static SentenceEmbedder shared() {
        SentenceEmbedder loaded = shared;
        if (loaded == null) {
            synchronized (SentenceEmbedder.class) {
                if (shared == null) {
                    long start = System.nanoTime();
                    EmbeddingModel model = ModelFiles.open();
                    model.embed("warm up"); // the first inference allocates the session's buffers
                    shared = new SentenceEmbedder(model, (System.nanoTime() - start) / 1_000_000);
                }
                loaded = shared;
            }
        }
        return loaded;
    }

    /** Whether {@link #shared()} has loaded the model already (a benchmark measures the load separately). */
    public static boolean loaded() {
        return shared != null;
    }

    /** How long opening the model and its first inference took, in milliseconds. */
    public long loadMillis() {
        return loadMillis;
    }

    public float[] embed(String text) {
        return embedAll(List.of(text)).get(0);
    }

    /** Embeds in one batch whatever is not cached yet; the result is in the order of {@code texts}. */
    public List<float[]> embedAll(List<String> texts) {
        List<String> missing = texts.stream().distinct().filter(t -> !cache.containsKey(t)).toList();
        if (!missing.isEmpty()) {
            List<Embedding> embedded = model.embedAll(missing.stream().map(TextSegment::from).toList()).content();
            if (cache.size() + missing.size() > CACHE_LIMIT) {
                cache.clear();
            }
            for (int i = 0; i < missing.size(); i++) {
                cache.put(missing.get(i), embedded.get(i).vector());
            }
        }
        List<float[]> out = new ArrayList<>(texts.size());
        for (String text : texts) {
            float[] vector = cache.get(text);
            out.add(vector != null ? vector : model.embed(text).content().vector());
        }
        return out;
    }

    /** Forgets cached vectors (a benchmark measures uncached analysis). */
    public void clearCache() {
        cache.clear();
    }

    /** Cosine similarity; the model's vectors are normalised, but a dot product would silently break with another model. */
    public static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
    }
}
