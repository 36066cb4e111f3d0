package io.veroforge.generator.git;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/**
 * Where the customer's code has left the generator's: the paths whose content or mode differs
 * between the customer branch and the generated branch (customized, added or deleted files).
 * Shown to users so they know which files regeneration has to merge into.
 */
final class Drift {

    private Drift() {
    }

    static List<String> between(ObjectReader reader, RevCommit customer, RevCommit generated) throws IOException {
        List<String> paths = new ArrayList<>();
        try (TreeWalk walk = new TreeWalk(reader)) {
            walk.addTree(customer.getTree());
            walk.addTree(generated.getTree());
            walk.setRecursive(true);
            walk.setFilter(TreeFilter.ANY_DIFF);
            while (walk.next()) {
                paths.add(walk.getPathString());
            }
        }
        return paths.stream().sorted().toList();
    }
}
