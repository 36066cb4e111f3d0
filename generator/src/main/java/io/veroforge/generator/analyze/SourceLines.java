package io.veroforge.generator.analyze;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.veroforge.generator.model.Problem;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each key and list item of a YAML document starts, by path ({@code spec.entities[1].fields[0]}),
 * so that problems found after binding (which only know paths) can still name a line.
 */
public final class SourceLines {

    /** For input that did not come from a file (the operator's bound CR spec). */
    public static final SourceLines NONE = new SourceLines();

    private final Map<String, Integer> lines = new HashMap<>();
    private final String prefix;

    /** @param prefix prepended to problem paths before lookup ("spec." for manifests) */
    private SourceLines() {
        this.prefix = "";
    }

    SourceLines(String yaml, String prefix) {
        this.prefix = prefix;
        try (JsonParser p = new YAMLFactory().createParser(yaml)) {
            JsonToken token;
            while ((token = p.nextToken()) != null) {
                boolean inArrayValue = p.getParsingContext().inArray() && token != JsonToken.END_ARRAY;
                boolean objectInArray = token == JsonToken.START_OBJECT && p.getParsingContext().getParent() != null
                        && p.getParsingContext().getParent().inArray();
                if (token == JsonToken.FIELD_NAME || inArrayValue || objectInArray) {
                    lines.putIfAbsent(YamlProblemCollector.path(p.getParsingContext()), p.currentTokenLocation().getLineNr());
                }
            }
        } catch (IOException e) {
            // a document that does not parse has no lines to offer; the syntax error is reported elsewhere
        }
    }

    /** The line of the path, or of its nearest written ancestor (a defaulted field points at its entity). */
    public int lineOf(String path) {
        String candidate = prefix + path;
        while (!candidate.isEmpty()) {
            Integer line = lines.get(candidate);
            if (line != null) {
                return line;
            }
            int cut = Math.max(candidate.lastIndexOf('.'), candidate.lastIndexOf('['));
            if (cut <= 0) {
                return 0;
            }
            candidate = candidate.substring(0, cut);
        }
        return 0;
    }

    /** The problems with a line filled in wherever their path leads to one. */
    public List<Problem> locate(List<Problem> problems) {
        return problems.stream()
                .map(p -> p.line() > 0 ? p : new Problem(p.severity(), p.path(), p.message(), p.fix(), lineOf(p.path())))
                .toList();
    }
}
