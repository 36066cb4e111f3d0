package io.veroforge.generator.node;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * One {@code npm install} per distinct set of dependencies, shared by every generated app that
 * declares the same set: the install lives in {@code <root>/<hash>/node_modules} and each app's
 * {@code node_modules} is a symbolic link to it. The hash covers {@code dependencies} and
 * {@code devDependencies} (names and exact versions, sorted), never the app's name, so apps that
 * differ only in their model share one install. Nothing the proof steps run writes into
 * {@code node_modules} (Prisma's client is generated into {@code src/generated}), so sharing is safe.
 *
 * <p>An install is built in a temporary directory and renamed into place only when npm succeeded, under
 * a file lock, so parallel JVMs never see half an install and a failed install is retried next time.
 */
public final class SharedNodeModules {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path root;
    private final CommandRunner runner;

    public SharedNodeModules(Path root, CommandRunner runner) {
        this.root = root;
        this.runner = runner;
    }

    /** What {@link #link} did: whether this call paid for the install, and the shared directory. */
    public record Linked(Path installation, boolean installedNow) {
    }

    /** Links {@code projectDir/node_modules} to the shared install for its package.json, installing it first if needed. */
    public Linked link(Path projectDir, Map<String, String> env) throws IOException, InterruptedException {
        JsonNode manifest = JSON.readTree(projectDir.resolve("package.json").toFile());
        String hash = dependencyHash(manifest);
        Path installation = root.resolve(hash);
        boolean installedNow = false;
        Files.createDirectories(root);
        try (FileChannel lockFile = FileChannel.open(root.resolve(hash + ".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock ignored = lockFile.lock()) {
            if (!Files.isDirectory(installation.resolve("node_modules"))) {
                install(manifest, installation, env);
                installedNow = true;
            }
        }
        Path link = projectDir.resolve("node_modules");
        if (Files.isSymbolicLink(link) || Files.isRegularFile(link, LinkOption.NOFOLLOW_LINKS)) {
            Files.delete(link);
        } else if (Files.isDirectory(link, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException(link + " is a real directory (an earlier private install): delete it to use the shared one");
        }
        Files.createSymbolicLink(link, installation.resolve("node_modules"));
        return new Linked(installation, installedNow);
    }

    private void install(JsonNode manifest, Path installation, Map<String, String> env) throws IOException, InterruptedException {
        Path work = Files.createTempDirectory(root, "installing-");
        ObjectNode shared = JSON.createObjectNode();
        shared.put("name", "veroforge-shared-install");
        shared.put("private", true);
        shared.set("dependencies", sorted(manifest.path("dependencies")));
        shared.set("devDependencies", sorted(manifest.path("devDependencies")));
        Files.writeString(work.resolve("package.json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(shared), StandardCharsets.UTF_8);
        CommandRunner.Outcome outcome = runner.run(work, env, 900,
                "npm", "install", "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error");
        if (!outcome.succeeded()) {
            throw new IOException("shared npm install failed in " + work + ": " + outcome.describe());
        }
        deleteIfPresent(installation);
        Files.move(work, installation, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The hash naming an install: the sorted dependencies and devDependencies with their versions. */
    static String dependencyHash(JsonNode manifest) {
        StringBuilder canonical = new StringBuilder();
        for (String section : new String[] {"dependencies", "devDependencies"}) {
            canonical.append(section).append('\n');
            sortedMap(manifest.path(section)).forEach((name, version) -> canonical.append(name).append('=').append(version).append('\n'));
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static TreeMap<String, String> sortedMap(JsonNode section) {
        TreeMap<String, String> map = new TreeMap<>();
        section.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asText()));
        return map;
    }

    private static ObjectNode sorted(JsonNode section) {
        ObjectNode node = JSON.createObjectNode();
        sortedMap(section).forEach(node::put);
        return node;
    }

    private static void deleteIfPresent(Path dir) {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
