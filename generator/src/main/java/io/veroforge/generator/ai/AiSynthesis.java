package io.veroforge.generator.ai;

import io.veroforge.generator.model.ResolvedModel;
import io.veroforge.generator.synthesize.GeneratedRepository;
import io.veroforge.generator.synthesize.Pack;
import io.veroforge.generator.synthesize.Synthesizer;
import java.util.Optional;
import java.util.function.Function;

/**
 * The synthesize stage with AI gap filling, one call per Generation: a fresh {@link LlmGapFiller}
 * (its own budget and counts) over the long-lived provider connection (its circuit breaker is
 * shared), and the filler's counts attached to the gap report. Template-only when no provider is
 * configured or the AppSpec says {@code ai.enabled: false}. Plugs into
 * {@code GenerationPipeline(ontology, synthesize, scanner)}.
 */
public final class AiSynthesis implements Function<ResolvedModel, GeneratedRepository> {

    private final Optional<ResilientChat> chat;
    private final FillValidator validator;
    private final FillCache cache;
    private final Pack pack;
    private final Synthesizer templateOnly;

    public AiSynthesis(Optional<ResilientChat> chat, FillValidator validator, FillCache cache) {
        this(chat, validator, cache, Pack.nestjsPrismaReact());
    }

    /** @param pack the pack to render with (the built-in one, or it on top of an improvements overlay) */
    public AiSynthesis(Optional<ResilientChat> chat, FillValidator validator, FillCache cache, Pack pack) {
        this.chat = chat;
        this.validator = validator;
        this.cache = cache;
        this.pack = pack;
        this.templateOnly = new Synthesizer().withPack(pack);
    }

    @Override
    public GeneratedRepository apply(ResolvedModel model) {
        if (chat.isEmpty() || !model.ai().enabled() || model.gaps().isEmpty()) {
            return templateOnly.synthesize(model);
        }
        AiBudget budget = new AiBudget(model.ai().maxGapsPerGeneration(), LlmGapFiller.MAX_ATTEMPTS,
                chat.get().settings().maxTokensPerGeneration());
        LlmGapFiller filler = new LlmGapFiller(chat.get(), validator, cache, budget, pack.revision());
        GeneratedRepository repo = new Synthesizer(filler).withPack(pack).synthesize(model);
        return new GeneratedRepository(repo.pack(), repo.revision(), repo.files(), repo.summary(), repo.gaps().withStats(filler.stats()));
    }
}
