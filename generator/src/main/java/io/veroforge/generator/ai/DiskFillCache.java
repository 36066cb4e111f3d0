package io.veroforge.generator.ai;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.regex.Pattern;

/** One JSON file per key under a directory; written to a temporary file and moved, so a reader never sees half a fill. */
public final class DiskFillCache implements FillCache {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern KEY = Pattern.compile("[0-9a-f]{64}");
    private final Path dir;

    public DiskFillCache(Path dir) {
        this.dir = dir;
    }

    @Override
    public Optional<Entry> get(String key) {
        Path file = file(key);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(file.toFile(), Entry.class));
        } catch (IOException unreadable) {
            return Optional.empty(); // a damaged entry is a miss: the gap is filled (and validated) again
        }
    }

    @Override
    public void put(String key, Entry entry) {
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, key, ".tmp");
            JSON.writeValue(tmp.toFile(), entry);
            Files.move(tmp, file(key), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the fill cache under " + dir, e);
        }
    }

    private Path file(String key) {
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("cache key must be a sha-256 hex digest, was " + key);
        }
        return dir.resolve(key + ".json");
    }
}
