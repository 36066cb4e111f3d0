package io.veroforge.generator.git;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.SortedMap;
import java.util.TreeMap;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.revwalk.RevTree;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.PathFilter;

/** Converts between a map of UTF-8 text files by path and a Git tree, with no working tree involved. */
final class FileTree {

    private FileTree() {
    }

    /** Writes the files as blobs and a tree; {@code .sh} files become executable so generated scripts run after checkout. */
    static ObjectId write(ObjectInserter inserter, SortedMap<String, String> files) throws IOException {
        DirCache index = DirCache.newInCore();
        DirCacheBuilder builder = index.builder();
        for (var file : files.entrySet()) {
            byte[] content = file.getValue().getBytes(StandardCharsets.UTF_8);
            builder.add(entry(file.getKey(), inserter.insert(Constants.OBJ_BLOB, content)));
        }
        builder.finish();
        return index.writeTree(inserter);
    }

    static DirCacheEntry entry(String path, ObjectId blob) {
        DirCacheEntry entry = new DirCacheEntry(path);
        entry.setFileMode(path.endsWith(".sh") ? FileMode.EXECUTABLE_FILE : FileMode.REGULAR_FILE);
        entry.setObjectId(blob);
        return entry;
    }

    /** Files of a tree whose path starts with {@code prefix} ({@code ""} = all), read as UTF-8. */
    static SortedMap<String, String> read(ObjectReader reader, RevTree tree, String prefix) throws IOException {
        SortedMap<String, String> files = new TreeMap<>();
        try (TreeWalk walk = new TreeWalk(reader)) {
            walk.addTree(tree);
            walk.setRecursive(true);
            String directory = prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
            if (!directory.isEmpty()) {
                walk.setFilter(PathFilter.create(directory));
            }
            while (walk.next()) {
                String path = walk.getPathString();
                if (path.startsWith(prefix) && walk.getFileMode(0).getObjectType() == Constants.OBJ_BLOB) {
                    byte[] content = reader.open(walk.getObjectId(0), Constants.OBJ_BLOB).getBytes();
                    files.put(path, new String(content, StandardCharsets.UTF_8));
                }
            }
        }
        return files;
    }
}
