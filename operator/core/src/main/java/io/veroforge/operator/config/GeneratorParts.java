package io.veroforge.operator.config;

import jakarta.enterprise.context.ApplicationScoped;

import io.veroforge.generator.gaps.GapFiller;
import io.veroforge.generator.gaps.TemplateOnlyGapFiller;
import io.veroforge.generator.resolve.AppModelResolver;
import io.veroforge.generator.scan.SecurityScanner;
import io.veroforge.generator.synthesize.Pack;
import io.veroforge.generator.synthesize.Synthesizer;

/**
 * The generator as the operator runs it, put together in this one place: the resolver the AppSpec
 * reconciler resolves with, the synthesizer (the template pack and the platform's gap filler) and
 * the scanner the Generation pipeline renders and checks with. Both reconcilers see the same pack
 * revision because they get it from here.
 */
@ApplicationScoped
public class GeneratorParts {
    private final AppModelResolver resolver = new AppModelResolver();
    private final Synthesizer synthesizer = new Synthesizer(gapFiller());
    private final SecurityScanner scanner = new SecurityScanner();

    /** The platform's gap filler: template-only stubs until a model is configured (the AI work brings one). */
    private static GapFiller gapFiller() {
        return new TemplateOnlyGapFiller();
    }

    public AppModelResolver resolver() {
        return resolver;
    }

    public Synthesizer synthesizer() {
        return synthesizer;
    }

    public Pack pack() {
        return synthesizer.pack();
    }

    public SecurityScanner scanner() {
        return scanner;
    }
}
