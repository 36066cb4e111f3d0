package io.veroforge.generator.ai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;
import dev.langchain4j.model.chat.response.ChatResponse;
import io.veroforge.generator.gaps.FillProvenance;
import io.veroforge.generator.gaps.GapContext;
import io.veroforge.generator.gaps.GapFill;
import io.veroforge.generator.gaps.GapFiller;
import io.veroforge.generator.gaps.GapFillingStats;
import io.veroforge.generator.gaps.TemplateOnlyGapFiller;
import io.veroforge.generator.model.Gap;
import io.veroforge.generator.model.ResolvedModel;
import io.veroforge.generator.synthesize.AppView;
import io.veroforge.generator.synthesize.GapBody;
import io.veroforge.generator.synthesize.GeneratedRepository;
import io.veroforge.generator.synthesize.Synthesizer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Fills a gap with a language model, and accepts the answer only when the {@link FillValidator}
 * passed it with the fill in place in the generated repository. A refused answer's problems are
 * fed back and it tries again, at most {@value #MAX_ATTEMPTS} answers per gap; then, or when the
 * provider fails ({@link AiFailure}), the gap keeps the template-only stub and its note says why.
 * One instance per Generation: it carries that Generation's {@link AiBudget} and counts.
 */
public final class LlmGapFiller implements GapFiller {

    public static final int MAX_ATTEMPTS = 3;
    /**
     * Part of the cache key: a new prompt, answer format or validation must not reuse fills accepted under the
     * old one (2: the lint check, so a cached fill that awaits nothing is not served again).
     */
    public static final String VERSION = "2";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TemplateOnlyGapFiller TEMPLATE = new TemplateOnlyGapFiller();

    private final ResilientChat chat;
    private final FillValidator validator;
    private final FillCache cache;
    private final AiBudget budget;
    private final String packRevision;
    private int cacheHits;
    private int accepted;
    private int rejected;
    private AiFailure degraded;

    public LlmGapFiller(ResilientChat chat, FillValidator validator, FillCache cache, AiBudget budget, String packRevision) {
        this.chat = chat;
        this.validator = validator;
        this.cache = cache;
        this.budget = budget;
        this.packRevision = packRevision;
    }

    @Override
    public String name() {
        return "llm:" + chat.settings().kind().id() + ":" + chat.settings().model();
    }

    public synchronized GapFillingStats stats() {
        return new GapFillingStats(budget.calls(), budget.inputTokens(), budget.outputTokens(), cacheHits, accepted, rejected,
                degraded == null ? null : degraded.kind().reason(), degraded == null ? null : degraded.getMessage());
    }

    @Override
    public synchronized GapFill fill(Gap gap, GapContext context) {
        GapFill stub = TEMPLATE.fill(gap, context);
        String contract = contractOf(gap, context);
        String promptHash = promptHash(contract);
        String key = cacheKey(contract, chat.settings().model(), packRevision, VERSION);
        Optional<GapFill> hit = fromCache(cache, key, gap, context, name());
        if (hit.isPresent()) {
            cacheHits++;
            accepted++;
            return hit.get();
        }
        List<ChatMessage> messages = new ArrayList<>(List.of(SystemMessage.from(GapContract.SYSTEM), UserMessage.from(contract)));
        String why = null;
        try {
            budget.startGap();
            for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
                budget.beforeCall();
                ChatResponse response = chat.chat(request(messages));
                budget.record(response.tokenUsage());
                String text = response.aiMessage().text();
                FillValidator.Verdict verdict;
                GapFill candidate = null;
                double confidence = 0;
                try {
                    JsonNode answer = JSON.readTree(stripFence(text));
                    List<String> imports = new ArrayList<>();
                    answer.path("imports").forEach(i -> imports.add(i.asText()));
                    confidence = Math.max(0, Math.min(1, answer.path("confidence").asDouble(0)));
                    if (!answer.path("body").isTextual() || answer.path("body").asText().isBlank()) {
                        throw new IllegalArgumentException("no \"body\" string");
                    }
                    candidate = candidate(gap, context, imports, answer.path("body").asText(), null);
                    verdict = validator.validate(candidate, candidateRepository(candidate, context.model(), false));
                } catch (java.io.IOException | IllegalArgumentException e) {
                    verdict = FillValidator.Verdict.fail("answer-format", List.of("the answer is not the JSON object asked for ("
                            + e.getMessage().lines().findFirst().orElse("") + "); answer {\"imports\": [...], \"body\": \"...\", \"confidence\": 0.0-1.0}"));
                }
                if (verdict.passed()) {
                    FillProvenance provenance = new FillProvenance(name().substring("llm:".length()), promptHash, attempt, confidence, false);
                    cache.put(key, new FillCache.Entry(candidate.imports(), candidate.body(), confidence, provenance.model(), promptHash, attempt));
                    accepted++;
                    return candidate(gap, context, candidate.imports(), candidate.body(), provenance);
                }
                rejected++;
                why = "answer " + attempt + " of " + MAX_ATTEMPTS + " refused by the " + verdict.stage() + ": "
                        + String.join("; ", verdict.problems());
                messages.add(AiMessage.from(text));
                messages.add(UserMessage.from(GapContract.feedback(attempt, verdict)));
            }
            return stub.withNote(MAX_ATTEMPTS + " answers refused, template-only stub kept; last " + shorten(why));
        } catch (AiFailure f) {
            degraded = f;
            return stub.withNote("template-only, the model failed: " + f.describe());
        }
    }

    private GapFill candidate(Gap gap, GapContext context, List<String> imports, String body, FillProvenance provenance) {
        return candidate(gap, context, imports, body, provenance, name());
    }

    private static GapFill candidate(Gap gap, GapContext context, List<String> imports, String body, FillProvenance provenance, String filler) {
        return new GapFill(gap, body, imports, true, filler, context.targetFile(), provenance, null);
    }

    /** The prompt a gap is asked with: its contract, rendered with every gap template-only. */
    static String contractOf(Gap gap, GapContext context) {
        return GapContract.of(gap, context, candidateRepository(TEMPLATE.fill(gap, context), context.model(), true));
    }

    static String promptHash(String contract) {
        return "sha256:" + sha256(contract);
    }

    /**
     * The cached fill of {@code key}, as {@code filler} wrote it. Stored only after full validation of this
     * exact contract; the scanner still runs on it, it costs nothing.
     */
    static Optional<GapFill> fromCache(FillCache cache, String key, Gap gap, GapContext context, String filler) {
        Optional<FillCache.Entry> hit = cache.get(key);
        if (hit.isEmpty()) {
            return Optional.empty();
        }
        FillCache.Entry e = hit.get();
        GapFill cached = candidate(gap, context, e.imports(), e.body(),
                new FillProvenance(e.model(), e.promptHash(), e.attempts(), e.confidence(), true), filler);
        boolean clean = new ScannerFillValidator(new io.veroforge.generator.scan.SecurityScanner())
                .validate(cached, candidateRepository(cached, context.model(), false)).passed();
        return clean ? Optional.of(cached) : Optional.empty();
    }

    /** The repository as the pack writes it with this fill in place (every other gap template-only). */
    static GeneratedRepository candidateRepository(GapFill fill, ResolvedModel model, boolean asFilled) {
        return new Synthesizer((handler, m) -> {
            if (handler.id().equals(fill.gapId())) {
                return new GapBody(fill.body(), fill.imports(), List.of(), asFilled || fill.filled(), fill.filler(), fill.provenance(), null);
            }
            GapFill stub = TEMPLATE.fill(handler.gap(), new GapContext(m, handler.path()));
            return new GapBody(stub.body(), stub.imports(), List.of(), false, stub.filler());
        }).synthesize(model);
    }

    private ChatRequest request(List<ChatMessage> messages) {
        ChatRequest.Builder b = ChatRequest.builder().messages(messages);
        if (chat.settings().kind().structuredOutput()) {
            b.responseFormat(ResponseFormat.builder().type(ResponseFormatType.JSON).jsonSchema(JsonSchema.builder().name("gap_fill")
                    .rootElement(JsonObjectSchema.builder()
                            .addProperty("imports", JsonArraySchema.builder().items(new JsonStringSchema()).build())
                            .addStringProperty("body", "TypeScript statements of the run(ctx) method body, without the braces")
                            .addNumberProperty("confidence", "how sure you are that the body does what the rule says, 0 to 1")
                            .required("imports", "body", "confidence").additionalProperties(false).build())
                    .build()).build());
        }
        return b.build();
    }

    /** Models without a schema sometimes wrap the JSON in a Markdown fence. */
    private static String stripFence(String text) {
        String t = text.strip();
        if (t.startsWith("```")) {
            t = t.replaceFirst("^```[a-zA-Z]*\\s*", "").replaceFirst("\\s*```$", "");
        }
        return t;
    }

    /** Content hash of everything that decides a fill: prompt, model, pack revision, filler version. */
    public static String cacheKey(String prompt, String model, String packRevision, String fillerVersion) {
        return sha256(String.join("\u0000", prompt, model, packRevision, fillerVersion));
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String shorten(String text) {
        return text.length() <= 600 ? text : text.substring(0, 599) + "…";
    }

    /** Where the pack puts a gap's tests (for the validator). */
    static String testPath(Gap gap) {
        return AppView.testPathOf(gap.id());
    }
}
