package io.veroforge.operator.generation;

import io.veroforge.operator.config.GeneratorParts;

import java.util.SortedMap;

import io.veroforge.operator.delivery.GenerationFiles;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.veroforge.api.v1alpha1.Generation;
import io.veroforge.generator.model.ModelJson;
import io.veroforge.generator.model.ResolvedModel;
import io.veroforge.generator.synthesize.GeneratedRepository;
import io.veroforge.generator.synthesize.Synthesizer;

/**
 * The code of a Generation, rendered from its frozen model snapshot. Rendering is deterministic,
 * so the code is not stored anywhere but Git: it is kept here for the stages of one run (scan,
 * commit) and rendered again after a restart. Keyed by content hash: equal snapshots are equal code.
 */
@ApplicationScoped
public class GeneratedCode implements GenerationFiles {
    private static final int KEPT = 32;

    private final GeneratorParts generator;
    private final Map<String, GeneratedRepository> recent = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, GeneratedRepository> eldest) {
            return size() > KEPT;
        }
    };

    public GeneratedCode(GeneratorParts generator) {
        this.generator = generator;
    }

    /** The resolved model the Generation recorded. */
    static ResolvedModel modelOf(Generation generation) {
        return ModelJson.fromTree(generation.getSpec().resolvedModel());
    }

    @Override
    public SortedMap<String, String> of(Generation generation) {
        return code(generation).files();
    }

    GeneratedRepository code(Generation generation) {
        String key = generation.getSpec().getContentHash();
        synchronized (recent) {
            GeneratedRepository cached = recent.get(key);
            if (cached != null) {
                return cached;
            }
        }
        // the pack revision the Generation recorded; after a restart an earlier overlay revision is not known, and the
        // current one renders the same templates (an overlay changes the model, which the snapshot holds, not the templates)
        Synthesizer synthesizer = generator.synthesizer(generation.getSpec().getTemplatePack().getRevision()).orElseGet(generator::synthesizer);
        GeneratedRepository code = synthesizer.synthesize(modelOf(generation));
        synchronized (recent) {
            recent.put(key, code);
        }
        return code;
    }
}
