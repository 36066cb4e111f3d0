package io.veroforge.generator.ai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads ESLint's {@code --format json} report into one line per message,
 * {@code src/gaps/x.gap.ts:14:3 require-await: Async method 'run' has no 'await' expression.}, the
 * shape of the compiler errors a model is already shown, so it can fix its answer the same way.
 */
final class EslintMessages {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** More than this is noise to a model: the first ones name the pattern to fix. */
    private static final int MAX = 20;

    private EslintMessages() {
    }

    /**
     * @param report the JSON ESLint wrote
     * @param root   the directory paths are shown relative to (the api project)
     * @throws IOException when the report is not ESLint's JSON (a crash, not a finding)
     */
    static List<String> of(String report, Path root) throws IOException {
        JsonNode files = JSON.readTree(report);
        if (files == null || !files.isArray()) {
            throw new IOException("not an ESLint JSON report: " + (report.length() > 200 ? report.substring(0, 200) + "…" : report));
        }
        List<String> lines = new ArrayList<>();
        for (JsonNode file : files) {
            String path = shown(file.path("filePath").asText(), root);
            for (JsonNode m : file.path("messages")) {
                String rule = m.path("ruleId").isTextual() ? m.path("ruleId").asText() : m.path("fatal").asBoolean() ? "parse-error" : "eslint";
                String level = m.path("severity").asInt() >= 2 ? "" : " (warning, none allowed)";
                lines.add(path + ":" + m.path("line").asInt() + ":" + m.path("column").asInt() + " " + rule + level + ": "
                        + m.path("message").asText().strip());
                if (lines.size() == MAX) {
                    return lines;
                }
            }
        }
        return lines;
    }

    private static String shown(String filePath, Path root) {
        if (filePath.isEmpty()) {
            return "?";
        }
        Path p = Path.of(filePath);
        return p.isAbsolute() && p.startsWith(root) ? root.relativize(p).toString() : filePath;
    }
}
