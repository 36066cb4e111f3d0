package io.veroforge.generator.scan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every npm dependency of every {@code package.json} is pinned to one exact version, so a build
 * tomorrow installs what was reviewed today: no {@code ^}, {@code ~}, {@code *}, {@code x},
 * {@code latest} or other tags, ranges, git/GitHub/URL sources. Local sources ({@code file:},
 * {@code link:}, {@code workspace:}) and aliases to an exact version ({@code npm:pkg@1.2.3}) are fine.
 * {@code peerDependencies} are ranges by design and not checked.
 */
final class DependencyPinningRule implements ScanRule {

    static final String ID = "unpinned-dependency";
    static final List<String> SECTIONS = List.of("dependencies", "devDependencies", "optionalDependencies", "overrides", "resolutions");
    private static final Pattern EXACT = Pattern.compile("^(?:npm:(?:@[^@/]+/)?[^@]+@)?v?\\d+\\.\\d+\\.\\d+(?:-[0-9A-Za-z.-]+)?(?:\\+[0-9A-Za-z.-]+)?$");
    private static final Pattern LOCAL = Pattern.compile("^(?:file|link|workspace|portal):.*");
    private final ObjectMapper json = new ObjectMapper();

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<Finding> check(GeneratedFiles files) {
        List<Finding> findings = new ArrayList<>();
        for (String path : files.paths(p -> GeneratedFiles.fileName(p).equals("package.json") && !p.contains("node_modules/"))) {
            String content = files.content(path);
            JsonNode root;
            try {
                root = json.readTree(content);
            } catch (JsonProcessingException e) {
                int line = e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getLineNr());
                findings.add(new Finding(FindingSeverity.MEDIUM, ID, path, line, "package.json is not valid JSON: " + e.getOriginalMessage(),
                        "fix the JSON"));
                continue;
            }
            if (root == null || !root.isObject()) {
                continue;
            }
            for (String section : SECTIONS) {
                JsonNode deps = root.path(section);
                if (!deps.isObject()) {
                    continue;
                }
                int sectionAt = indexOfKey(content, section, 0);
                for (Iterator<Map.Entry<String, JsonNode>> it = deps.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> dep = it.next();
                    if (!dep.getValue().isTextual()) {
                        continue; // nested overrides: their leaves are checked when they are strings at this level only
                    }
                    String version = dep.getValue().asText().strip();
                    if (EXACT.matcher(version).matches() || LOCAL.matcher(version).matches()) {
                        continue;
                    }
                    int at = indexOfKey(content, dep.getKey(), Math.max(sectionAt, 0));
                    findings.add(new Finding(FindingSeverity.MEDIUM, ID, path, at < 0 ? 0 : GeneratedFiles.lineOf(content, at),
                            section + " \"" + dep.getKey() + "\" is not pinned (\"" + version + "\": " + why(version) + ")",
                            "pin an exact version, e.g. \"" + dep.getKey() + "\": \"" + example(version) + "\""));
                }
            }
        }
        return findings;
    }

    private static int indexOfKey(String content, String key, int from) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(key) + "\"\\s*:").matcher(content);
        return m.find(from) ? m.start() : -1;
    }

    private static String why(String version) {
        if (version.startsWith("^") || version.startsWith("~")) {
            return "a range that accepts newer versions";
        }
        if (version.matches("(?i).*(git|github:|gitlab:|bitbucket:|https?://|\\.git\\b).*")) {
            return "a Git or URL source";
        }
        if (version.matches("[*xX]|latest|next|beta|canary|")) {
            return "any or a moving tag";
        }
        return "a range or tag";
    }

    private static String example(String version) {
        Matcher m = Pattern.compile("(\\d+)\\.(\\d+|[xX*])?\\.?(\\d+|[xX*])?").matcher(version);
        if (m.find()) {
            String minor = m.group(2) == null || !m.group(2).matches("\\d+") ? "0" : m.group(2);
            String patch = m.group(3) == null || !m.group(3).matches("\\d+") ? "0" : m.group(3);
            return m.group(1) + "." + minor + "." + patch;
        }
        return "1.2.3";
    }
}
