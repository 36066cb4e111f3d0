package io.veroforge.api.v1alpha1;

import java.nio.file.Files;
import java.nio.file.Path;

/** The reactor root, as surefire passes it (vf.repo.root), or found from the working directory in an IDE. */
final class RepoRoot {
    private RepoRoot() {
    }

    static Path path() {
        String configured = System.getProperty("vf.repo.root");
        Path start = configured != null && !configured.isBlank() ? Path.of(configured) : Path.of("").toAbsolutePath();
        for (Path p = start.toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("crds/src/main/java"))) {
                return p;
            }
        }
        throw new IllegalStateException("cannot find the VeroForge repository root from " + start + "; set -Dvf.repo.root");
    }
}
