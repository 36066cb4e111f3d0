package io.veroforge.generator.git;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.eclipse.jgit.diff.RawText;
import org.eclipse.jgit.diff.Sequence;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.merge.MergeFormatter;
import org.eclipse.jgit.merge.MergeResult;
import org.eclipse.jgit.merge.MergeStrategy;
import org.eclipse.jgit.merge.ResolveMerger;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.revwalk.filter.RevFilter;

/**
 * Brings a generated commit into the customer's branch with a three-way merge, so the customer's
 * edits survive regeneration:
 * <ul>
 *   <li>branch missing (first publish): created at the generated commit;</li>
 *   <li>generated commit already contained (a publish repeated after a crash, or the customer merged
 *       it): nothing is written, the commit that brought it in is reported;</li>
 *   <li>no customer commits since the last generation: fast-forward to the generated commit, so an
 *       untouched app's branch stays identical to {@code veroforge/generated};</li>
 *   <li>otherwise a merge commit (parents: customer head, generated commit) when it merges cleanly,
 *       or, on conflict, the branch stays unchanged and {@code veroforge/conflicts/<generation>}
 *       holds the merge with conflict markers for the customer to finish.</li>
 * </ul>
 * All in the object database: the repository is bare and there is no working tree.
 */
final class CustomerBranch {

    static final String CONFLICTS_PREFIX = "veroforge/conflicts/";

    /** @param commit the customer branch's commit for this Generation; null when conflicting */
    record Outcome(ObjectId commit, List<String> conflicts, String conflictBranch) {
    }

    private final Repository repository;

    CustomerBranch(Repository repository) {
        this.repository = repository;
    }

    Outcome integrate(RevWalk walk, RevCommit generated, Publication publication) throws IOException {
        String ref = Constants.R_HEADS + publication.customerBranch();
        Ref current = repository.exactRef(ref);
        if (current == null) {
            RefMove.to(repository, ref, null, generated, "create " + publication.customerBranch() + " at " + publication.generation(), false);
            return clean(generated);
        }
        RevCommit head = walk.parseCommit(current.getObjectId());
        if (walk.isMergedInto(generated, head)) {
            // Ours (the generated commit itself or our merge): the same answer as the first time.
            // The conflicts commit, merged in by someone who resolved it: what they resolved, the head.
            return clean(integratingCommit(walk, head, generated).filter(c -> !CommitMessage.isConflicts(c)).orElse(head));
        }
        if (walk.isMergedInto(head, generated)) {
            RefMove.to(repository, ref, head, generated, "fast-forward to " + publication.generation(), false);
            return clean(generated);
        }
        return merge(walk, ref, head, generated, publication);
    }

    private static Outcome clean(ObjectId commit) {
        return new Outcome(commit, List.of(), null);
    }

    private Outcome merge(RevWalk walk, String ref, RevCommit head, RevCommit generated, Publication publication) throws IOException {
        ResolveMerger merger = (ResolveMerger) MergeStrategy.RECURSIVE.newMerger(repository, true);
        DirCache result = DirCache.newInCore();
        merger.setDirCache(result);
        ObjectId base = base(walk, head, generated);
        if (base != null) {
            merger.setBase(base);
        }
        String theirs = GeneratedBranch.NAME + " (" + publication.generation() + ")";
        merger.setCommitNames(new String[] {"base", publication.customerBranch(), theirs});
        if (merger.merge(head, generated)) {
            ObjectId mergeCommit = commit(merger.getResultTreeId(), head, generated, CommitMessage.merge(publication, GeneratedBranch.NAME));
            RefMove.to(repository, ref, head, mergeCommit, "merge " + publication.generation(), false);
            return clean(mergeCommit);
        }
        if (merger.getFailingPaths() != null && !merger.getFailingPaths().isEmpty()) {
            throw new IOException("merging " + publication.generation() + " failed on " + merger.getFailingPaths());
        }
        List<String> conflicts = merger.getUnmergedPaths().stream().distinct().sorted().toList();
        String conflictBranch = CONFLICTS_PREFIX + publication.generation();
        writeConflictBranch(walk, conflictBranch, head, generated, result, merger, publication, conflicts.size());
        return new Outcome(null, conflicts, conflictBranch);
    }

    /**
     * The previous generated commit — the parent of the new one — when the customer branch has it.
     * If an earlier publish conflicted and was never resolved the customer branch lacks it, and the
     * newest generated commit it does contain is the right base (their merge base); with no common
     * history at all (a customer branch that existed before the first publish) the base is empty.
     */
    private static ObjectId base(RevWalk walk, RevCommit head, RevCommit generated) throws IOException {
        if (generated.getParentCount() > 0) {
            RevCommit parent = walk.parseCommit(generated.getParent(0));
            if (walk.isMergedInto(parent, head)) {
                return parent;
            }
        }
        walk.reset();
        walk.setRevFilter(RevFilter.MERGE_BASE);
        try {
            walk.markStart(walk.parseCommit(head));
            walk.markStart(walk.parseCommit(generated));
            return walk.next();
        } finally {
            walk.reset();
            walk.setRevFilter(RevFilter.ALL);
        }
    }

    /** The commit on the customer branch that brought the generated commit in: itself (created, fast-forward) or the merge naming it. */
    private static Optional<RevCommit> integratingCommit(RevWalk walk, RevCommit head, RevCommit generated) throws IOException {
        walk.reset();
        walk.setFirstParent(true);
        try {
            walk.markStart(head);
            for (RevCommit commit : walk) {
                if (commit.equals(generated)) {
                    return Optional.of(commit);
                }
                for (RevCommit parent : commit.getParents()) {
                    if (parent.equals(generated)) {
                        return Optional.of(commit);
                    }
                }
            }
            return Optional.empty();
        } finally {
            walk.reset();
            walk.setFirstParent(false);
        }
    }

    /**
     * The conflicts branch: the cleanly merged files, and the conflicting ones with conflict markers.
     * Kept when it already holds both the customer branch's head and the generated commit — our
     * earlier commit, or a resolution someone is pushing on top of it, which a later look must never
     * overwrite; rewritten (forced) when the customer branch moved on since.
     */
    private void writeConflictBranch(RevWalk walk, String branch, RevCommit head, RevCommit generated, DirCache merged,
                                     ResolveMerger merger, Publication publication, int conflictCount) throws IOException {
        String ref = Constants.R_HEADS + branch;
        Ref existing = repository.exactRef(ref);
        if (existing != null) {
            RevCommit previous = walk.parseCommit(existing.getObjectId());
            if (walk.isMergedInto(head, previous) && walk.isMergedInto(generated, previous)) {
                return;
            }
        }
        ObjectId tree;
        try (ObjectInserter inserter = repository.newObjectInserter()) {
            tree = conflictTree(inserter, merged, merger.getMergeResults(), merger.getCommitNames());
            inserter.flush();
        }
        ObjectId commit = commit(tree, head, generated, CommitMessage.conflicts(publication, conflictCount));
        RefMove.to(repository, ref, existing == null ? null : existing.getObjectId(), commit, "conflicts of " + publication.generation(), true);
    }

    /**
     * Stage 0 entries are merged cleanly; a conflicting path has stages 1–3 and, when both sides
     * changed its text, a merge result that MergeFormatter renders with markers. A path one side
     * deleted has no text merge: the customer's version is kept (or the generator's if the customer
     * deleted it), and the path is listed among the conflicts all the same.
     */
    private static ObjectId conflictTree(ObjectInserter inserter, DirCache merged,
                                         Map<String, MergeResult<? extends Sequence>> textMerges, String[] names) throws IOException {
        DirCache tree = DirCache.newInCore();
        DirCacheBuilder builder = tree.builder();
        Map<String, DirCacheEntry[]> conflicting = new TreeMap<>();
        for (int i = 0; i < merged.getEntryCount(); i++) {
            DirCacheEntry entry = merged.getEntry(i);
            if (entry.getStage() == DirCacheEntry.STAGE_0) {
                builder.add(entry);
            } else {
                conflicting.computeIfAbsent(entry.getPathString(), p -> new DirCacheEntry[4])[entry.getStage()] = entry;
            }
        }
        for (var conflict : conflicting.entrySet()) {
            String path = conflict.getKey();
            DirCacheEntry ours = conflict.getValue()[DirCacheEntry.STAGE_2];
            DirCacheEntry theirs = conflict.getValue()[DirCacheEntry.STAGE_3];
            MergeResult<? extends Sequence> text = textMerges.get(path);
            if (text != null) {
                builder.add(FileTree.entry(path, inserter.insert(Constants.OBJ_BLOB, withMarkers(text, names))));
            } else if (ours != null || theirs != null) {
                builder.add(FileTree.entry(path, (ours != null ? ours : theirs).getObjectId()));
            }
        }
        builder.finish();
        return tree.writeTree(inserter);
    }

    @SuppressWarnings("unchecked")
    private static byte[] withMarkers(MergeResult<? extends Sequence> text, String[] names) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new MergeFormatter().formatMerge(out, (MergeResult<RawText>) text, List.of(names), StandardCharsets.UTF_8);
        return out.toByteArray();
    }

    private ObjectId commit(ObjectId tree, RevCommit ours, RevCommit theirs, String message) throws IOException {
        try (ObjectInserter inserter = repository.newObjectInserter()) {
            CommitBuilder commit = new CommitBuilder();
            commit.setTreeId(tree);
            commit.setParentIds(ours, theirs);
            commit.setAuthor(CommitMessage.veroforge());
            commit.setCommitter(CommitMessage.veroforge());
            commit.setMessage(message);
            ObjectId id = inserter.insert(commit);
            inserter.flush();
            return id;
        }
    }
}
