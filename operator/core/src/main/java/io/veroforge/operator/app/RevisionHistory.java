package io.veroforge.operator.app;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.veroforge.api.v1alpha1.AppSpec;
import io.veroforge.api.v1alpha1.Generation;
import io.veroforge.operator.generation.DeployedGeneration;

/**
 * An AppSpec's Generations ({@code <app>-<n>}, labelled with the app), oldest first. Read from
 * the API server, not a cache, so that a Generation created just before a crash is seen by the
 * next reconcile and the same content is never recorded twice.
 */
final class RevisionHistory {
    private final String app;
    private final List<Numbered> generations;

    private record Numbered(int n, Generation generation) {
    }

    private RevisionHistory(String app, List<Numbered> generations) {
        this.app = app;
        this.generations = generations;
    }

    static RevisionHistory of(AppSpec appSpec, List<Generation> labelled) {
        return of(appSpec.getMetadata().getName(), labelled);
    }

    private static RevisionHistory of(String app, List<Generation> labelled) {
        Pattern name = Pattern.compile(Pattern.quote(app) + "-([1-9][0-9]{0,8})");
        List<Numbered> numbered = new ArrayList<>();
        for (Generation g : labelled) {
            Matcher m = name.matcher(g.getMetadata().getName());
            if (m.matches()) {
                numbered.add(new Numbered(Integer.parseInt(m.group(1)), g));
            }
        }
        numbered.sort(Comparator.comparingInt(Numbered::n));
        return new RevisionHistory(app, List.copyOf(numbered));
    }

    Optional<Generation> latest() {
        return generations.isEmpty() ? Optional.empty() : Optional.of(generations.get(generations.size() - 1).generation());
    }

    /** The Generation serving the app, if any (see {@link DeployedGeneration}). */
    Optional<Generation> deployed() {
        return DeployedGeneration.among(generations.stream().map(Numbered::generation).toList());
    }

    /** True when the latest Generation already records exactly this content. */
    boolean latestRecords(String contentHash) {
        return latest().map(g -> g.getSpec() != null && contentHash.equals(g.getSpec().getContentHash())).orElse(false);
    }

    /** {@code <app>-<n>} with n one above the highest ever kept, so names are never reused while one exists. */
    String nextName() {
        int highest = generations.isEmpty() ? 0 : generations.get(generations.size() - 1).n();
        return app + "-" + (highest + 1);
    }

    /** Generations beyond the newest {@code limit}, except the deployed one: what pruning deletes. */
    List<Generation> beyond(int limit, String deployed) {
        int keep = Math.max(1, limit);
        List<Generation> old = new ArrayList<>();
        for (int i = 0; i < generations.size() - keep; i++) {
            Generation g = generations.get(i).generation();
            if (!g.getMetadata().getName().equals(deployed)) {
                old.add(g);
            }
        }
        return old;
    }

    RevisionHistory with(Generation created) {
        List<Generation> all = new ArrayList<>(generations.stream().map(Numbered::generation).toList());
        all.add(created);
        return of(app, all);
    }

    RevisionHistory without(List<Generation> removed) {
        List<String> names = removed.stream().map(g -> g.getMetadata().getName()).toList();
        return of(app, generations.stream().map(Numbered::generation).filter(g -> !names.contains(g.getMetadata().getName())).toList());
    }
}
