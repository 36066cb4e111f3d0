package io.veroforge.generator.synthesize;

import io.veroforge.generator.gaps.GapReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The output of {@code synthesize}: every generated file by repository-relative path (sorted, so
 * iteration and writing are deterministic), what was generated in numbers, and how each gap was filled.
 */
public record GeneratedRepository(String pack, String revision, SortedMap<String, String> files, GenerationSummary summary,
                                  GapReport gaps) {

    public GeneratedRepository {
        files = Collections.unmodifiableSortedMap(new TreeMap<>(files));
    }

    /** Total size of the files in UTF-8 bytes. */
    public long bytes() {
        return files.values().stream().mapToLong(c -> c.getBytes(StandardCharsets.UTF_8).length).sum();
    }

    /** Writes every file under {@code root} (UTF-8, LF line endings as rendered); shell scripts become executable. */
    public void writeTo(Path root) throws IOException {
        for (var e : files.entrySet()) {
            Path target = root.resolve(e.getKey()).normalize();
            if (!target.startsWith(root.normalize())) {
                throw new IOException("refusing to write outside " + root + ": " + e.getKey());
            }
            Files.createDirectories(target.getParent());
            Files.writeString(target, e.getValue(), StandardCharsets.UTF_8);
            if (e.getKey().endsWith(".sh")) {
                target.toFile().setExecutable(true);
            }
        }
    }
}
