package io.veroforge.operator.generation;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.veroforge.api.v1alpha1.AppSpec;
import io.veroforge.api.v1alpha1.Generation;
import io.veroforge.api.v1alpha1.GenerationStatus;

/**
 * What a stage works with: the Generation, its AppSpec as it is now, the API client and a copy
 * of the status as recorded before this reconcile (stages read earlier stages' results from it,
 * e.g. the commit; a copy, because slow stages read it on a worker thread).
 */
final class GenerationRun {
    private static final Pattern NUMBERED = Pattern.compile(".*-([1-9][0-9]{0,8})");

    private final Generation generation;
    private final AppSpec appSpec;
    private final KubernetesClient client;
    private final GenerationStatus recorded;

    GenerationRun(Generation generation, AppSpec appSpec, KubernetesClient client, GenerationStatus recorded) {
        this.generation = generation;
        this.appSpec = appSpec;
        this.client = client;
        this.recorded = Serialization.clone(recorded);
    }

    Generation generation() {
        return generation;
    }

    String name() {
        return generation.getMetadata().getName();
    }

    String namespace() {
        return generation.getMetadata().getNamespace();
    }

    String app() {
        return generation.getSpec().getAppSpec().getName();
    }

    AppSpec appSpec() {
        return appSpec;
    }

    KubernetesClient client() {
        return client;
    }

    GenerationStatus recorded() {
        return recorded;
    }

    /** A copy of the Generation carrying the status as recorded so far (the cached resource is never changed). */
    Generation asRecorded() {
        Generation copy = Serialization.clone(generation);
        copy.setStatus(Serialization.clone(recorded));
        return copy;
    }

    /** n of {@code <app>-<n>}: the migration version and the order of Generations of one app. */
    int number() {
        return numberOf(name());
    }

    /** A Generation of the same app recorded after this one: its model is what the AppSpec says now. */
    Optional<Generation> newerAmong(List<Generation> siblings) {
        return siblings.stream().filter(g -> numberOf(g.getMetadata().getName()) > number()).findFirst();
    }

    static int numberOf(String generationName) {
        Matcher m = NUMBERED.matcher(generationName);
        return m.matches() ? Integer.parseInt(m.group(1)) : 0;
    }
}
