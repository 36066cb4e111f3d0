package io.veroforge.operator.app;

import java.util.Optional;

import io.veroforge.api.v1alpha1.TemplatePackRef;
import io.veroforge.generator.synthesize.Pack;

/**
 * The template packs this operator can generate with, and their revisions: the pack of the
 * operator's synthesizer ({@code GeneratorParts}); its revision is a hash of its templates, known
 * without synthesizing anything.
 */
final class TemplatePacks {
    private final Pack available;

    TemplatePacks(Pack available) {
        this.available = available;
    }

    /** The exact pack a Generation records, or empty when this operator does not have the requested one. */
    Optional<TemplatePackRef> resolve(TemplatePackRef requested) {
        String name = requested == null || requested.getName() == null ? available.name() : requested.getName();
        if (!available.name().equals(name)) {
            return Optional.empty(); // the resolver reports an unknown pack name with its path
        }
        String revision = requested == null ? null : requested.getRevision();
        if (revision != null && !revision.equals(available.revision())) {
            return Optional.empty();
        }
        return Optional.of(new TemplatePackRef(available.name(), available.revision()));
    }

    String availableRevision() {
        return available.revision();
    }
}
