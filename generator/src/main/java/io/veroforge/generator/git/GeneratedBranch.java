package io.veroforge.generator.git;

import java.io.IOException;
import java.util.Optional;
import java.util.SortedMap;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * The {@code veroforge/generated} branch: pristine generator output, one commit per Generation,
 * each on top of the previous one. Nobody else commits here, so its history is the list of
 * Generations and the parent of a commit is the previous Generation's output: the merge base.
 */
final class GeneratedBranch {

    static final String NAME = "veroforge/generated";
    static final String REF = Constants.R_HEADS + NAME;

    private final Repository repository;

    GeneratedBranch(Repository repository) {
        this.repository = repository;
    }

    /** The commit of this Generation: the one already on the branch (a publish that ran before a crash), or a new one. */
    RevCommit commit(RevWalk walk, SortedMap<String, String> files, Publication publication) throws IOException {
        Ref head = repository.exactRef(REF);
        if (head != null) {
            Optional<RevCommit> existing = find(walk, head.getObjectId(), publication.generation());
            if (existing.isPresent()) {
                return existing.get();
            }
        }
        ObjectId id;
        try (ObjectInserter inserter = repository.newObjectInserter()) {
            CommitBuilder commit = new CommitBuilder();
            commit.setTreeId(FileTree.write(inserter, files));
            if (head != null) {
                commit.setParentId(head.getObjectId());
            }
            commit.setAuthor(CommitMessage.veroforge());
            commit.setCommitter(CommitMessage.veroforge());
            commit.setMessage(CommitMessage.generated(publication));
            id = inserter.insert(commit);
            inserter.flush();
        }
        RefMove.to(repository, REF, head == null ? null : head.getObjectId(), id, "generate " + publication.generation(), false);
        return walk.parseCommit(id);
    }

    /** The newest commit reachable along first parents from {@code start} whose trailer names the Generation. */
    static Optional<RevCommit> find(RevWalk walk, ObjectId start, String generation) throws IOException {
        walk.reset();
        walk.setFirstParent(true);
        try {
            walk.markStart(walk.parseCommit(start));
            for (RevCommit commit : walk) {
                if (CommitMessage.generationOf(commit).filter(generation::equals).isPresent()) {
                    return Optional.of(commit);
                }
            }
            return Optional.empty();
        } finally {
            walk.reset();
            walk.setFirstParent(false);
        }
    }
}
