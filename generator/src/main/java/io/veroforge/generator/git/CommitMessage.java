package io.veroforge.generator.git;

import java.util.Optional;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * The messages and identity of the commits VeroForge writes. The {@code VeroForge-Generation}
 * trailer is what makes publishing idempotent: a commit carrying it for a Generation proves that
 * Generation was already written, whatever crashed afterwards.
 */
final class CommitMessage {

    static final String TRAILER = "VeroForge-Generation";

    private CommitMessage() {
    }

    static PersonIdent veroforge() {
        return new PersonIdent("VeroForge", "veroforge@veroforge.io");
    }

    static String generated(Publication p) {
        return "Generate " + p.generation() + " from AppSpec " + p.appSpec() + " (revision " + p.appSpecRevision() + ")\n\n"
                + "Pristine output of template pack " + p.pack() + "@" + p.packRevision() + ".\n"
                + "Do not commit to this branch; VeroForge merges it into " + p.customerBranch() + ".\n\n"
                + trailer(p);
    }

    static String merge(Publication p, String generatedBranch) {
        return "Merge " + p.generation() + " from " + generatedBranch + " into " + p.customerBranch() + "\n\n"
                + "Three-way merge with the previous generated commit as base: edits on " + p.customerBranch() + " are kept.\n"
                + "Template pack " + p.pack() + "@" + p.packRevision() + ", AppSpec " + p.appSpec() + " (revision "
                + p.appSpecRevision() + ").\n\n"
                + trailer(p);
    }

    /** Whether {@code commit} is a conflicts-branch commit (its tree has conflict markers). */
    static boolean isConflicts(RevCommit commit) {
        return commit.getShortMessage().startsWith("Conflicts merging ");
    }

    static String conflicts(Publication p, int count) {
        return "Conflicts merging " + p.generation() + " into " + p.customerBranch() + "\n\n"
                + count + " file(s) carry conflict markers. Resolve them on this branch and merge it into "
                + p.customerBranch() + "; VeroForge leaves " + p.customerBranch() + " untouched until then.\n\n"
                + trailer(p);
    }

    private static String trailer(Publication p) {
        return TRAILER + ": " + p.generation() + "\n";
    }

    /** The Generation a commit was written for, from its trailer. */
    static Optional<String> generationOf(RevCommit commit) {
        String prefix = TRAILER + ": ";
        return commit.getFullMessage().lines()
                .filter(line -> line.startsWith(prefix))
                .map(line -> line.substring(prefix.length()).trim())
                .reduce((first, last) -> last);
    }
}
