package io.veroforge.operator.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.utils.Serialization;

/**
 * Finds the VeroForge CRDs to install into the local API: first the copies the crds jar carries
 * ({@code veroforge/crd/<plural>.veroforge.io-v1.yml}, which is what a packaged operator has),
 * then, when running from a checkout, the committed {@code crds/crd/*.yml} and the generator's
 * output under {@code crds/target/classes/META-INF/fabric8/}. The first copy of each CRD wins.
 */
public final class LocalCrds {

    static final List<String> PLURALS = List.of("tenants", "appspecs", "generations", "canaries", "plugins");

    private LocalCrds() {
    }

    public static List<CustomResourceDefinition> load(Path repoRoot) {
        Map<String, CustomResourceDefinition> byName = new LinkedHashMap<>();
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        for (String plural : PLURALS) {
            try (InputStream in = loader.getResourceAsStream("veroforge/crd/" + plural + ".veroforge.io-v1.yml")) {
                if (in != null) {
                    add(byName, Serialization.unmarshal(in, CustomResourceDefinition.class));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (repoRoot != null) {
            files(repoRoot.resolve("crds/crd"), ".yml").forEach(f -> add(byName, read(f)));
            files(repoRoot.resolve("crds/crd"), ".yaml").forEach(f -> add(byName, read(f)));
            files(repoRoot.resolve("crds/target/classes/META-INF/fabric8"), ".veroforge.io-v1.yml")
                    .forEach(f -> add(byName, read(f)));
        }
        return new ArrayList<>(byName.values());
    }

    /** The checkout this process runs in: the working directory or one of its parents holding {@code crds/}. */
    public static Optional<Path> findRepoRoot() {
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

    private static void add(Map<String, CustomResourceDefinition> byName, CustomResourceDefinition crd) {
        if (crd != null && crd.getMetadata() != null && crd.getSpec() != null) {
            byName.putIfAbsent(crd.getMetadata().getName(), crd);
        }
    }

    private static CustomResourceDefinition read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return Serialization.unmarshal(in, CustomResourceDefinition.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassCastException e) {
            return null; // not a CRD (e.g. a List); ignore rather than fail local startup
        }
    }

    private static List<Path> files(Path dir, String suffix) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(f -> f.getFileName().toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
