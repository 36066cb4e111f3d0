package io.veroforge.operator.config;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.jboss.logging.Logger;

import io.veroforge.generator.ai.AiProviderKind;
import io.veroforge.generator.ai.AiProviderSettings;
import io.veroforge.generator.ai.AiSynthesis;
import io.veroforge.generator.ai.CachedFillReplay;
import io.veroforge.generator.ai.FillCache;
import io.veroforge.generator.ai.FillValidator;
import io.veroforge.generator.ai.NodeFillValidator;
import io.veroforge.generator.ai.ResilientChat;
import io.veroforge.generator.ai.ScannerFillValidator;
import io.veroforge.generator.gaps.FillProvenance;
import io.veroforge.generator.gaps.GapFillingStats;
import io.veroforge.generator.model.ResolvedModel;
import io.veroforge.generator.scan.SecurityScanner;
import io.veroforge.generator.synthesize.GeneratedRepository;
import io.veroforge.generator.synthesize.Pack;
import io.veroforge.generator.synthesize.Synthesizer;

/**
 * The platform's gap filling as {@link AiConfig} says: template-only ({@code provider=none}), or a
 * language model whose answers are accepted only after validation, with accepted fills kept in a
 * {@link FillCache} (the platform's PostgreSQL). A configuration that cannot work (no model name,
 * full validation without node) does not stop the operator: gaps stay template-only and every
 * Generation with gaps says why ({@value #MISCONFIGURED}, {@value #VALIDATION_UNAVAILABLE}).
 *
 * <p>{@link #synthesis} may call the model and must run on a Generation worker; {@link #replay}
 * never does, so it is safe wherever a Generation's files are needed again.
 */
public final class AiGapFilling {
    private static final Logger LOG = Logger.getLogger(AiGapFilling.class);
    static final String MISCONFIGURED = "AiMisconfigured";
    static final String VALIDATION_UNAVAILABLE = "AiValidationUnavailable";

    private final Optional<ResilientChat> chat;
    private final FillValidator validator;
    /** Where the Synthesize stage looks fills up and stores them (a miss when it does not answer). */
    private final FillCache cache;
    /** The same store, strict: a replay that cannot read it must fail, not render other code. */
    private final FillCache store;
    /** Why a configured model is not used: reason and message, or null. */
    private final String unusableReason;
    private final String unusableMessage;

    private AiGapFilling(Optional<ResilientChat> chat, FillValidator validator, FillCache store, String unusableReason, String unusableMessage) {
        this.chat = chat;
        this.validator = validator;
        this.store = store;
        this.cache = store == FillCache.NONE ? store : new MissOnFailure(store);
        this.unusableReason = unusableReason;
        this.unusableMessage = unusableMessage;
    }

    /** No model: every gap a template-only stub, no status about AI. */
    public static AiGapFilling templateOnly() {
        return new AiGapFilling(Optional.empty(), null, FillCache.NONE, null, null);
    }

    /**
     * From the platform configuration; {@code cache} is the platform's store of accepted fills. It is not
     * optional: a Generation's AI fills are rendered again from it (scan, commit, after a restart).
     */
    public static AiGapFilling from(AiConfig config, FillCache cache) {
        if (config.provider() == AiConfig.Provider.none) {
            return templateOnly();
        }
        AiProviderSettings settings;
        try {
            settings = new AiProviderSettings(AiProviderKind.parse(config.provider().name(), "veroforge.ai.provider"),
                    config.baseUrl().orElse(null), config.model().orElse(null), config.apiKey().orElse(null), config.timeout(),
                    new AiProviderSettings.Resilience(config.maxAttempts(), config.initialBackoff(), config.maxRetryAfter(),
                            config.failuresToOpen(), config.openFor()),
                    config.maxTokensPerGeneration());
        } catch (IllegalArgumentException e) {
            String why = e.getMessage() + " (Helm: ai.*; docs/ai.md)";
            LOG.errorf("AI gap filling is off, gaps stay template-only: %s", why);
            return new AiGapFilling(Optional.empty(), null, FillCache.NONE, MISCONFIGURED, why);
        }
        SecurityScanner scanner = new SecurityScanner();
        FillValidator validator = new ScannerFillValidator(scanner);
        if (config.validation() == AiConfig.Validation.full) {
            Optional<String> missing = missingTools();
            if (missing.isPresent()) {
                String why = "veroforge.ai.validation=full needs " + missing.get() + " on the operator's PATH to type-check and test AI fills; "
                        + "use an operator image with node and npm";
                LOG.errorf("AI gap filling is off, gaps stay template-only: %s", why);
                return new AiGapFilling(Optional.empty(), null, FillCache.NONE, VALIDATION_UNAVAILABLE, why);
            }
            Path work = Path.of(config.workDir());
            validator = FillValidator.allOf(validator, new NodeFillValidator(work.resolve("gap-validation"), work.resolve("node-modules")));
        } else {
            LOG.warnf("AI fills are checked by the security scanner only (veroforge.ai.validation=scanner): no type check, no tests; "
                    + "not for production");
        }
        LOG.infof("AI gap filling with %s, validation %s", settings.describe(), config.validation());
        return new AiGapFilling(Optional.of(ResilientChat.connect(settings)), validator, cache, null, null);
    }

    /**
     * The Synthesize stage's rendering with {@code templates}' pack: without a model, {@code templates}
     * itself; with one, a fresh filler per call (one Generation's budget and counts) over the shared
     * provider connection and circuit breaker.
     */
    public Function<ResolvedModel, GeneratedRepository> synthesis(Synthesizer templates) {
        if (unusableReason != null) {
            return model -> {
                GeneratedRepository repo = templates.synthesize(model);
                if (model.gaps().isEmpty() || !model.ai().enabled()) {
                    return repo;
                }
                return new GeneratedRepository(repo.pack(), repo.revision(), repo.files(), repo.summary(),
                        repo.gaps().withStats(new GapFillingStats(0, 0, 0, 0, 0, 0, unusableReason, unusableMessage)));
            };
        }
        if (chat.isEmpty()) {
            return templates::synthesize;
        }
        return new AiSynthesis(chat, validator, cache, templates.pack());
    }

    /** The same rendering again, AI fills from the cache by what was recorded; never a request. */
    public CachedFillReplay replay(Pack pack, Map<String, FillProvenance> recorded) {
        return new CachedFillReplay(store, pack.revision(), recorded);
    }

    /** node and npm are what {@link NodeFillValidator} runs (npx comes with npm). */
    private static Optional<String> missingTools() {
        for (String tool : new String[] {"node", "npm"}) {
            String path = System.getenv().getOrDefault("PATH", "");
            boolean found = false;
            for (String dir : path.split(File.pathSeparator)) {
                if (!dir.isBlank() && Files.isExecutable(Path.of(dir, tool))) {
                    found = true;
                    break;
                }
            }
            if (!found) {
                return Optional.of(tool);
            }
        }
        return Optional.empty();
    }

    /**
     * The cache is a saving, not a dependency of the Synthesize stage: when PostgreSQL does not answer, a
     * lookup is a miss (the gap is asked and validated again) and a fill not stored costs a request later.
     */
    private record MissOnFailure(FillCache cache) implements FillCache {
        @Override
        public Optional<Entry> get(String key) {
            try {
                return cache.get(key);
            } catch (RuntimeException e) {
                LOG.warnf("gap fill cache lookup failed, asking the model instead: %s", e.getMessage());
                return Optional.empty();
            }
        }

        @Override
        public void put(String key, Entry entry) {
            try {
                cache.put(key, entry);
            } catch (RuntimeException e) {
                LOG.warnf("gap fill cache write failed, the fill is not kept: %s", e.getMessage());
            }
        }
    }
}
