package io.veroforge.generator.scan;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/** The generated repository as the rules see it: paths normalised to forward slashes, in path order. */
public final class GeneratedFiles {

    private final Map<String, String> files = new TreeMap<>();
    /** Parsed once per scan: several rules read the same TypeScript file. */
    private final Map<String, TypeScriptSource> typeScript = new HashMap<>();

    public GeneratedFiles(Map<String, String> files) {
        files.forEach((path, content) -> this.files.put(path.replace('\\', '/').replaceFirst("^\\./", ""), content == null ? "" : content));
    }

    public List<String> paths(Predicate<String> filter) {
        return files.keySet().stream().filter(filter).toList();
    }

    public String content(String path) {
        return files.get(path);
    }

    /** The file read as TypeScript (comments blanked, literals found), parsed on first use. */
    TypeScriptSource typeScript(String path) {
        return typeScript.computeIfAbsent(path, p -> new TypeScriptSource(content(p)));
    }

    public static String fileName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    static boolean isTypeScript(String path) {
        return (path.endsWith(".ts") || path.endsWith(".tsx")) && !path.endsWith(".d.ts") && !path.contains("node_modules/");
    }

    /** Tests, fixtures and examples: a fake credential there is bad practice, not a leaked secret. */
    static boolean isTestFile(String path) {
        return path.matches("(^|.*/)(test|tests|__tests__|e2e|fixtures?)/.*") || path.matches(".*\\.(spec|test|e2e-spec)\\.[jt]sx?$");
    }

    /** 1-based line of a character offset. */
    public static int lineOf(String content, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < content.length(); i++) {
            if (content.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
