package io.veroforge.operator.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.veroforge.generator.ai.CachedFillReplay;
import io.veroforge.generator.gaps.FillProvenance;
import io.veroforge.generator.model.ResolvedModel;
import io.veroforge.generator.ontology.Ontology;
import io.veroforge.generator.overlay.ImprovementsOverlay;
import io.veroforge.generator.overlay.OverlayReader;
import io.veroforge.generator.overlay.OverlayRefusedException;
import io.veroforge.generator.resolve.AppModelResolver;
import io.veroforge.generator.scan.SecurityScanner;
import io.veroforge.generator.synthesize.GeneratedRepository;
import io.veroforge.generator.synthesize.Pack;
import io.veroforge.generator.synthesize.Synthesizer;
import io.veroforge.operator.db.PostgresFillCache;
import io.veroforge.operator.db.SharedPostgres;

/**
 * The generator as the operator runs it, put together in this one place: the resolver the AppSpec
 * reconciler resolves with, the synthesizer (the template pack and the platform's gap filling,
 * {@link AiGapFilling}: template-only, or a model configured by {@link AiConfig}) and the scanner the
 * Generation pipeline renders and checks with. Both reconcilers see the same pack revision because
 * they get it from here.
 *
 * <p>The resolver and the pack are those of the built-in ontology and templates on top of the
 * improvements overlay ({@link ImprovementsConfig#overlayDir()}); when the overlay changes they are
 * replaced together and listeners (the AppSpec reconciler's event source) are told, so every app
 * records a new Generation through its normal approval policy and three-way merge.
 */
@ApplicationScoped
public class GeneratorParts {
    private static final Logger LOG = Logger.getLogger(GeneratorParts.class);

    /** What one overlay revision generates with: read once, the resolver and the pack always belong together. */
    public record Current(ImprovementsOverlay overlay, AppModelResolver resolver, Synthesizer synthesizer) {
        public Pack pack() {
            return synthesizer.pack();
        }
    }

    /** Template-only: the pack revisions and what renders a Generation's files when no model filled them. */
    private final Synthesizer builtIn = new Synthesizer();
    private final AiGapFilling ai;
    private final SecurityScanner scanner = new SecurityScanner();
    private final Path overlayDir;
    /** Every pack revision served since start: a Generation recorded before the overlay moved still renders as it was recorded. */
    private final Map<String, Synthesizer> byRevision = new ConcurrentHashMap<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private volatile Current current;

    /** The built-in ontology and pack alone: no overlay (tests that build parts by hand). */
    public GeneratorParts() {
        this.overlayDir = null;
        this.ai = AiGapFilling.templateOnly();
        use(ImprovementsOverlay.empty());
    }

    @Inject
    public GeneratorParts(ImprovementsConfig config, AiConfig aiConfig, SharedPostgres postgres) {
        this.overlayDir = Path.of(config.overlayDir());
        this.ai = AiGapFilling.from(aiConfig, new PostgresFillCache(postgres));
        use(ImprovementsOverlay.empty());
        reloadOverlay();
    }

    /**
     * Reads the overlay again and uses it if its revision changed. A refused overlay is logged with
     * every problem and not used: the parts stay as they were, never half an overlay.
     *
     * @return whether the revision changed
     */
    public synchronized boolean reloadOverlay() {
        if (overlayDir == null) {
            return false;
        }
        ImprovementsOverlay read;
        try {
            read = new OverlayReader(Ontology.standard()).read(overlayDir);
        } catch (OverlayRefusedException e) {
            LOG.errorf("%s; generating with overlay revision '%s' until it is fixed", e.getMessage(), current.overlay().revision());
            return false;
        } catch (RuntimeException e) {
            LOG.errorf(e, "cannot read the improvements overlay %s; generating with overlay revision '%s'", overlayDir,
                    current.overlay().revision());
            return false;
        }
        if (read.revision().equals(current.overlay().revision())) {
            return false;
        }
        use(read);
        LOG.infof("improvements overlay %s at revision %s (%d fields): template pack revision now %s", overlayDir, read.revision(),
                read.fieldCount(), pack().revision());
        listeners.forEach(Runnable::run);
        return true;
    }

    private void use(ImprovementsOverlay overlay) {
        Synthesizer synthesizer = builtIn.withPack(overlay.applyTo(builtIn.pack()));
        byRevision.put(synthesizer.pack().revision(), synthesizer);
        current = new Current(overlay, new AppModelResolver(overlay.applyTo(Ontology.standard())), synthesizer);
    }

    /** Called after the overlay's revision changed (from the thread that changed it). */
    public void onOverlayChange(Runnable listener) {
        listeners.add(listener);
    }

    public Current current() {
        return current;
    }

    public AppModelResolver resolver() {
        return current.resolver();
    }

    public Synthesizer synthesizer() {
        return current.synthesizer();
    }

    /** The synthesizer of a pack revision this operator has served since it started. */
    public Optional<Synthesizer> synthesizer(String packRevision) {
        return Optional.ofNullable(byRevision.get(packRevision));
    }

    public Pack pack() {
        return current.synthesizer().pack();
    }

    /**
     * Renders a model with the pack of {@code templates} (one of this operator's synthesizers) and fills
     * its gaps the platform's way: may ask the model (seconds to minutes, with validation), so only the
     * Synthesize stage calls it, on a worker.
     */
    public Function<ResolvedModel, GeneratedRepository> synthesis(Synthesizer templates) {
        return ai.synthesis(templates);
    }

    /** Renders what a Generation recorded again: its AI fills from the fill cache, never a request. */
    public CachedFillReplay replay(Pack pack, Map<String, FillProvenance> recorded) {
        return ai.replay(pack, recorded);
    }

    public ImprovementsOverlay overlay() {
        return current.overlay();
    }

    public Optional<Path> overlayDir() {
        return Optional.ofNullable(overlayDir);
    }

    public SecurityScanner scanner() {
        return scanner;
    }
}
