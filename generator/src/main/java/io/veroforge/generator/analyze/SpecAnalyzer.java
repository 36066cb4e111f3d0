package io.veroforge.generator.analyze;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.veroforge.generator.input.AppSpecInput;
import io.veroforge.generator.input.AppSpecManifest;
import io.veroforge.generator.model.Problem;
import io.veroforge.generator.model.Severity;
import io.veroforge.generator.ontology.Ontology;
import io.veroforge.generator.validate.DidYouMean;
import io.veroforge.generator.validate.InputValidator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code analyze} stage: reads an AppSpec manifest from YAML into the generator's own input
 * model and checks it as written. Never throws for bad input: YAML syntax errors, unknown keys
 * and wrong value types become problems with line numbers, alongside the input checks.
 * A bare {@code spec} (no apiVersion/kind/spec keys) is accepted too, for quick experiments.
 */
public final class SpecAnalyzer {

    static final String DEFAULT_APP_NAME = "app";

    private final InputValidator inputValidator;

    public SpecAnalyzer() {
        this(Ontology.standard());
    }

    public SpecAnalyzer(Ontology ontology) {
        this.inputValidator = new InputValidator(ontology);
    }

    public AnalyzedSpec analyze(Path file) throws IOException {
        return analyze(Files.readString(file, StandardCharsets.UTF_8), file.getFileName().toString());
    }

    /** @param source a name for the input in messages (a file name) */
    public AnalyzedSpec analyze(String yaml, String source) {
        List<Problem> problems = new ArrayList<>();
        JsonNode root;
        try (MappingIterator<JsonNode> documents = mapper(null).readerFor(JsonNode.class).readValues(yaml)) {
            List<JsonNode> all = documents.readAll();
            if (all.isEmpty() || all.get(0) == null || all.get(0).isMissingNode() || all.get(0).isNull()) {
                problems.add(Problem.error(source, "the file is empty", "write an AppSpec manifest (apiVersion, kind, metadata, spec)"));
                return new AnalyzedSpec(DEFAULT_APP_NAME, null, null, problems, SourceLines.NONE);
            }
            if (all.size() > 1) {
                problems.add(Problem.error(source, "the file holds " + all.size() + " YAML documents", "put one AppSpec per file"));
            }
            root = all.get(0);
        } catch (JsonProcessingException e) {
            problems.add(syntaxError(source, e));
            return new AnalyzedSpec(DEFAULT_APP_NAME, null, null, problems, SourceLines.NONE);
        } catch (IOException e) {
            problems.add(Problem.error(source, "cannot read: " + e.getMessage(), null));
            return new AnalyzedSpec(DEFAULT_APP_NAME, null, null, problems, SourceLines.NONE);
        }
        if (!root.isObject()) {
            problems.add(Problem.error(source, "expected a mapping at the top of the document", "start with apiVersion: " + AppSpecManifest.API_VERSION));
            return new AnalyzedSpec(DEFAULT_APP_NAME, null, null, problems, SourceLines.NONE);
        }
        boolean manifest = root.has("apiVersion") || root.has("kind") || root.has("spec") || root.has("metadata");
        YamlProblemCollector collector = new YamlProblemCollector(manifest ? "spec." : "");
        String name = DEFAULT_APP_NAME;
        String namespace = null;
        AppSpecInput spec;
        try {
            if (manifest) {
                AppSpecManifest parsed = mapper(collector).readValue(yaml, AppSpecManifest.class);
                problems.addAll(collector.problems());
                checkManifest(parsed, problems);
                spec = parsed.spec();
                if (parsed.metadata() != null && parsed.metadata().name() != null) {
                    name = parsed.metadata().name();
                    namespace = parsed.metadata().namespace();
                }
            } else {
                spec = mapper(collector).readValue(yaml, AppSpecInput.class);
                problems.addAll(collector.problems());
            }
        } catch (JsonProcessingException e) {
            problems.addAll(collector.problems());
            problems.add(syntaxError(source, e));
            return new AnalyzedSpec(name, namespace, null, problems, SourceLines.NONE);
        }
        if (spec == null) {
            return new AnalyzedSpec(name, namespace, null, problems, SourceLines.NONE);
        }
        SnakeCaseNames.Normalized named = SnakeCaseNames.normalize(spec);
        ReservedNames.Mapped mapped = ReservedNames.map(named.spec());
        spec = mapped.spec();
        problems.addAll(named.warnings());
        problems.addAll(mapped.warnings());
        problems.addAll(inputValidator.validate(spec));
        SourceLines lines = new SourceLines(yaml, manifest ? "spec." : "");
        return new AnalyzedSpec(name, namespace, spec, lines.locate(problems), lines);
    }

    /** Checks an already bound spec (e.g. the operator's CR spec mapped with Jackson). */
    public AnalyzedSpec analyze(String name, String namespace, AppSpecInput spec) {
        SnakeCaseNames.Normalized named = SnakeCaseNames.normalize(spec);
        ReservedNames.Mapped mapped = ReservedNames.map(named.spec());
        List<Problem> problems = new ArrayList<>(named.warnings());
        problems.addAll(mapped.warnings());
        problems.addAll(inputValidator.validate(mapped.spec()));
        return new AnalyzedSpec(name == null ? DEFAULT_APP_NAME : name, namespace, mapped.spec(), problems, SourceLines.NONE);
    }

    private static void checkManifest(AppSpecManifest manifest, List<Problem> problems) {
        if (!AppSpecManifest.API_VERSION.equals(manifest.apiVersion())) {
            problems.add(Problem.error("apiVersion", manifest.apiVersion() == null ? "missing apiVersion"
                    : "unsupported apiVersion \"" + manifest.apiVersion() + "\"", "use apiVersion: " + AppSpecManifest.API_VERSION));
        }
        if (!AppSpecManifest.KIND.equals(manifest.kind())) {
            problems.add(Problem.error("kind", manifest.kind() == null ? "missing kind" : "expected kind AppSpec, found \"" + manifest.kind() + "\"",
                    manifest.kind() == null ? "use kind: AppSpec" : DidYouMean.closest(manifest.kind(), List.of(AppSpecManifest.KIND))
                            .map(s -> "did you mean \"" + s + "\"?").orElse("use kind: AppSpec")));
        }
        if (manifest.spec() == null) {
            problems.add(Problem.error("spec", "missing spec", "add spec: with a vertical and/or entities"));
        }
    }

    private static Problem syntaxError(String source, JsonProcessingException e) {
        JsonLocation location = e.getLocation();
        int line = location == null ? 0 : Math.max(location.getLineNr(), 0);
        String message = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
        message = message.lines().map(String::strip).filter(l -> !l.isEmpty()).limit(3).reduce((a, b) -> a + "; " + b).orElse(message);
        String path = source;
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            path = source + ": " + mapping.getPathReference();
        }
        return new Problem(Severity.ERROR, path, (e instanceof JsonMappingException ? "cannot read: " : "YAML syntax error: ") + message,
                line > 0 ? "fix the YAML at line " + line : "fix the YAML", line);
    }

    private static ObjectMapper mapper(YamlProblemCollector collector) {
        ObjectMapper mapper = new ObjectMapper(new YAMLFactory())
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        if (collector != null) {
            mapper.addHandler(collector);
        }
        return mapper;
    }
}
