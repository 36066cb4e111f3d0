package io.veroforge.console.diffs;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.jgit.diff.DiffAlgorithm;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.diff.Edit;
import org.eclipse.jgit.diff.EditList;
import org.eclipse.jgit.diff.RawText;
import org.eclipse.jgit.diff.RawTextComparator;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.patch.FileHeader;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * What changed between two commits, file by file, as JGit computes it: {@link DiffFormatter} with the histogram
 * algorithm and rename detection gives the unified text (hunks with three lines of context), and the same edit list
 * places each changed line beside its counterpart for the side-by-side view. Nothing here compares lines itself.
 */
public record CodeDiff(String from, String to, List<FileDiff> files) {
    /** Files larger than this are listed, not shown line by line (a generated lock file is not worth reading in a page). */
    static final int MAX_LINES_SHOWN = 2_000;

    /** {@code change}: add, modify, delete, rename, copy. */
    public record FileDiff(String path, String oldPath, String change, boolean binary, boolean tooLarge, List<UnifiedLine> unified,
            List<SideBySideRow> sideBySide) {
    }

    /** {@code kind}: hunk, added, removed, context. */
    public record UnifiedLine(String kind, String text) {
    }

    /** One row of the side-by-side view; a side without a line has a null number. {@code kind}: context, changed, hunk. */
    public record SideBySideRow(String kind, Integer oldNumber, String oldText, Integer newNumber, String newText) {
    }

    public static CodeDiff between(Repository repository, ObjectId from, ObjectId to, String fromLabel, String toLabel) {
        try (RevWalk walk = new RevWalk(repository);
                DiffFormatter formatter = new DiffFormatter(new ByteArrayOutputStream())) {
            formatter.setRepository(repository);
            formatter.setDiffAlgorithm(DiffAlgorithm.getAlgorithm(DiffAlgorithm.SupportedAlgorithm.HISTOGRAM));
            formatter.setDiffComparator(RawTextComparator.DEFAULT);
            formatter.setDetectRenames(true);
            List<FileDiff> files = new ArrayList<>();
            for (DiffEntry entry : formatter.scan(walk.parseCommit(from).getTree(), walk.parseCommit(to).getTree())) {
                files.add(file(repository, formatter, entry));
            }
            return new CodeDiff(fromLabel, toLabel, List.copyOf(files));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot diff " + fromLabel + " and " + toLabel, e);
        }
    }

    private static FileDiff file(Repository repository, DiffFormatter formatter, DiffEntry entry) throws IOException {
        String path = entry.getChangeType() == DiffEntry.ChangeType.DELETE ? entry.getOldPath() : entry.getNewPath();
        String change = entry.getChangeType().name().toLowerCase(java.util.Locale.ROOT);
        FileHeader header = formatter.toFileHeader(entry);
        if (header.getPatchType() != FileHeader.PatchType.UNIFIED) {
            return new FileDiff(path, entry.getOldPath(), change, true, false, List.of(), List.of());
        }
        RawText before = text(repository, entry.getOldId().toObjectId(), entry.getChangeType() == DiffEntry.ChangeType.ADD);
        RawText after = text(repository, entry.getNewId().toObjectId(), entry.getChangeType() == DiffEntry.ChangeType.DELETE);
        if (before.size() + after.size() > MAX_LINES_SHOWN) {
            return new FileDiff(path, entry.getOldPath(), change, false, true, List.of(), List.of());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DiffFormatter unified = new DiffFormatter(out)) {
            unified.setRepository(repository);
            unified.setDiffAlgorithm(DiffAlgorithm.getAlgorithm(DiffAlgorithm.SupportedAlgorithm.HISTOGRAM));
            unified.format(header, before, after);
        }
        List<UnifiedLine> lines = new ArrayList<>();
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            if (line.startsWith("@@")) {
                lines.add(new UnifiedLine("hunk", line));
            } else if (line.startsWith("+") && !line.startsWith("+++")) {
                lines.add(new UnifiedLine("added", line));
            } else if (line.startsWith("-") && !line.startsWith("---")) {
                lines.add(new UnifiedLine("removed", line));
            } else if (line.startsWith(" ")) {
                lines.add(new UnifiedLine("context", line));
            }
        }
        return new FileDiff(path, entry.getOldPath(), change, false, false, List.copyOf(lines), sideBySide(header.toEditList(), before, after));
    }

    /** Each edit's removed and added lines side by side, with three lines of context around it, as the unified view has. */
    private static List<SideBySideRow> sideBySide(EditList edits, RawText before, RawText after) {
        List<SideBySideRow> rows = new ArrayList<>();
        int context = 3;
        int shownUpTo = 0;
        for (int e = 0; e < edits.size(); e++) {
            Edit edit = edits.get(e);
            int nextChange = e + 1 < edits.size() ? edits.get(e + 1).getBeginA() : before.size();
            int start = Math.max(shownUpTo, edit.getBeginA() - context);
            if (start > shownUpTo || rows.isEmpty()) {
                rows.add(new SideBySideRow("hunk", null, "line " + (start + 1), null, "line " + (edit.getBeginB() - (edit.getBeginA() - start) + 1)));
            }
            for (int a = start; a < edit.getBeginA(); a++) {
                int b = edit.getBeginB() - (edit.getBeginA() - a);
                rows.add(new SideBySideRow("context", a + 1, before.getString(a), b + 1, after.getString(b)));
            }
            int removed = edit.getLengthA();
            int added = edit.getLengthB();
            for (int i = 0; i < Math.max(removed, added); i++) {
                rows.add(new SideBySideRow("changed",
                        i < removed ? edit.getBeginA() + i + 1 : null, i < removed ? before.getString(edit.getBeginA() + i) : null,
                        i < added ? edit.getBeginB() + i + 1 : null, i < added ? after.getString(edit.getBeginB() + i) : null));
            }
            int end = Math.min(nextChange, edit.getEndA() + context);
            for (int a = edit.getEndA(); a < end; a++) {
                int b = edit.getEndB() + (a - edit.getEndA());
                if (b < after.size()) {
                    rows.add(new SideBySideRow("context", a + 1, before.getString(a), b + 1, after.getString(b)));
                }
            }
            shownUpTo = end;
        }
        return List.copyOf(rows);
    }

    private static RawText text(Repository repository, ObjectId blob, boolean absent) throws IOException {
        if (absent || ObjectId.zeroId().equals(blob)) {
            return new RawText(new byte[0]);
        }
        return new RawText(repository.open(blob).getBytes());
    }

    public int changedFiles() {
        return files.size();
    }
}
