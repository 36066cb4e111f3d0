package io.veroforge.generator.git;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Removes the lock files a process killed mid-write left in a bare repository. JGit, like git,
 * changes a ref, {@code packed-refs} or the config by writing {@code <file>.lock} and renaming it
 * over the file; a SIGKILL between the two leaves the lock, and from then on every update of that
 * file fails with LOCK_FAILURE — for ever, since nothing else removes it. The operator writes an
 * app's repository from one thread of one process at a time (the leader's), and an update holds
 * its lock for milliseconds, so a lock older than {@link #STALE} has no live writer. A younger one
 * is left alone: the publish fails, is retried with backoff, and finds it gone or stale.
 */
final class StaleLocks {
    /** Far beyond any lock JGit holds, and beyond a Lease handover (a deposed leader stops writing within its renew deadline). */
    static final Duration STALE = Duration.ofSeconds(30);

    private StaleLocks() {
    }

    /** Removes the stale locks under {@code gitDir} (top level and {@code refs/}); returns what it removed. */
    static List<Path> remove(Path gitDir, Instant now) throws IOException {
        List<Path> removed = new ArrayList<>();
        FileTime staleBefore = FileTime.from(now.minus(STALE));
        for (Path lock : locks(gitDir)) {
            try {
                if (Files.getLastModifiedTime(lock).compareTo(staleBefore) < 0 && Files.deleteIfExists(lock)) {
                    removed.add(lock);
                }
            } catch (java.nio.file.NoSuchFileException released) {
                // its writer finished meanwhile
            }
        }
        return removed;
    }

    private static List<Path> locks(Path gitDir) throws IOException {
        List<Path> locks = new ArrayList<>();
        if (!Files.isDirectory(gitDir)) {
            return locks;
        }
        try (Stream<Path> top = Files.list(gitDir)) {
            top.filter(StaleLocks::isLock).forEach(locks::add);
        }
        Path refs = gitDir.resolve("refs");
        if (Files.isDirectory(refs)) {
            try (Stream<Path> all = Files.walk(refs)) {
                all.filter(StaleLocks::isLock).forEach(locks::add);
            }
        }
        return locks;
    }

    private static boolean isLock(Path path) {
        return path.getFileName().toString().endsWith(".lock") && Files.isRegularFile(path);
    }
}
