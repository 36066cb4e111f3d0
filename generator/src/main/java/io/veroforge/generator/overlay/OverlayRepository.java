package io.veroforge.generator.overlay;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.veroforge.generator.ontology.Ontology;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * The overlay as the platform keeps it: a Git repository (branch {@code main}) with one commit per
 * improvement, whose message names the proposal ({@value #PROPOSAL_TRAILER} trailer) and the
 * evidence. Applying an improvement twice commits once: replayed messages change nothing.
 */
public final class OverlayRepository implements AutoCloseable {
    static final String PROPOSAL_TRAILER = "Proposal-Id:";
    private static final String BRANCH = "main";
    private static final PersonIdent PLATFORM = new PersonIdent("VeroForge improvements", "improvements@veroforge.invalid");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).enable(YAMLGenerator.Feature.MINIMIZE_QUOTES))
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    private final Git git;
    private final Path directory;

    private OverlayRepository(Git git, Path directory) {
        this.git = git;
        this.directory = directory;
    }

    /** Whether a directory holds a (non-bare) Git repository, which the overlay is. */
    public static boolean isRepository(Path directory) {
        return Files.isDirectory(directory.resolve(Constants.DOT_GIT));
    }

    public static OverlayRepository open(Path directory) {
        try {
            return new OverlayRepository(Git.open(directory.toFile()), directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the improvements overlay " + directory + ": " + e.getMessage(), e);
        }
    }

    /** The overlay repository in this directory, created empty (branch main) the first time. */
    public static OverlayRepository openOrCreate(Path directory) {
        if (isRepository(directory)) {
            return open(directory);
        }
        try {
            Files.createDirectories(directory);
            return new OverlayRepository(Git.init().setDirectory(directory.toFile()).setInitialBranch(BRANCH).call(), directory);
        } catch (IOException | GitAPIException e) {
            throw new IllegalStateException("cannot create the improvements overlay " + directory + ": " + e.getMessage(), e);
        }
    }

    /** What is committed at HEAD ({@code path → bytes}); empty before the first improvement. */
    public synchronized SortedMap<String, byte[]> committedFiles() {
        SortedMap<String, byte[]> files = new TreeMap<>();
        try {
            ObjectId head = git.getRepository().resolve(Constants.HEAD);
            if (head == null) {
                return files;
            }
            try (RevWalk walk = new RevWalk(git.getRepository()); TreeWalk tree = new TreeWalk(git.getRepository())) {
                tree.addTree(walk.parseCommit(head).getTree());
                tree.setRecursive(true);
                while (tree.next()) {
                    files.put(tree.getPathString(), git.getRepository().open(tree.getObjectId(0)).getBytes());
                }
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the improvements overlay " + directory + ": " + e.getMessage(), e);
        }
    }

    /** The commit that applied a proposal, if one did. */
    public synchronized Optional<String> commitFor(long proposalId) {
        String trailer = PROPOSAL_TRAILER + " " + proposalId;
        try {
            if (git.getRepository().resolve(Constants.HEAD) == null) {
                return Optional.empty();
            }
            for (RevCommit c : git.log().call()) {
                if (c.getFullMessage().lines().anyMatch(trailer::equals)) {
                    return Optional.of(c.name());
                }
            }
            return Optional.empty();
        } catch (IOException | GitAPIException e) {
            throw new IllegalStateException("cannot read the history of the improvements overlay " + directory + ": " + e.getMessage(), e);
        }
    }

    /** What {@link #apply} did: the commit holding the improvement, and whether this call made it. */
    public record Applied(String commit, boolean committed) {
    }

    /**
     * Commits the improvement, unless a commit already names its proposal. The overlay it produces
     * is checked first ({@link OverlayReader}); if it would be refused, nothing is written.
     *
     * @throws OverlayRefusedException when the improvement does not fit (unknown type, taken name, …)
     */
    public synchronized Applied apply(OverlayImprovement improvement, Ontology base) {
        Optional<String> done = commitFor(improvement.proposalId());
        if (done.isPresent()) {
            return new Applied(done.get(), false);
        }
        SortedMap<String, byte[]> files = committedFiles();
        String path = OverlayReader.ONTOLOGY_DIR + improvement.ontologyType() + ".yaml";
        List<OverlayField> fields = new ArrayList<>();
        OverlayReader reader = new OverlayReader(base);
        if (files.containsKey(path)) {
            fields.addAll(reader.parse(directory + " at HEAD", files).fieldsByType().getOrDefault(improvement.ontologyType(), List.of()));
        }
        fields.add(new OverlayField(improvement.field(), improvement.fieldType(), improvement.proposalId()));
        byte[] content = render(improvement.ontologyType(), fields);
        SortedMap<String, byte[]> next = new TreeMap<>(files);
        next.put(path, content);
        reader.parse("with proposal " + improvement.proposalId(), next); // refuses before anything is written
        try {
            Path file = directory.resolve(path);
            Files.createDirectories(file.getParent());
            Files.write(file, content);
            git.add().addFilepattern(path).call();
            RevCommit commit = git.commit().setOnly(path).setMessage(improvement.commitMessage()).setAuthor(PLATFORM).setCommitter(PLATFORM)
                    .setSign(false).call();
            return new Applied(commit.name(), true);
        } catch (IOException | GitAPIException e) {
            throw new IllegalStateException("cannot commit proposal " + improvement.proposalId() + " to the improvements overlay "
                    + directory + ": " + e.getMessage(), e);
        }
    }

    private static byte[] render(String type, List<OverlayField> fields) {
        try {
            String header = "# Optional default fields improvements added to the ontology type " + type
                    + ", one per approved proposal.\n# Written by the platform; see docs/intelligence.md.\n";
            return (header + YAML.writeValueAsString(Map.of("fields", fields))).getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        git.close();
    }
}
