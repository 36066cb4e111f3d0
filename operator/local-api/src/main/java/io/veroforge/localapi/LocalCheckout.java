package io.veroforge.localapi;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The source checkout a local platform runs from, where {@code crds/examples/} are found. */
public final class LocalCheckout {

    private LocalCheckout() {
    }

    /** The working directory or the first of its parents holding {@code crds/} and a {@code pom.xml}. */
    public static Optional<Path> findRoot() {
        String configured = System.getProperty("vf.repo.root");
        if (configured != null && Files.isDirectory(Path.of(configured, "crds"))) {
            return Optional.of(Path.of(configured).toAbsolutePath());
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("crds")) && Files.isRegularFile(p.resolve("pom.xml"))) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
