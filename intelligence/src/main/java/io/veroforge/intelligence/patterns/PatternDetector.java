package io.veroforge.intelligence.patterns;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.veroforge.intelligence.IntelligenceConfig;

/**
 * Runs the detection queries, keeps each pattern once by its signature (its evidence updated as
 * more tenants show it) and publishes new and grown patterns on {@code veroforge_patterns}.
 */
@ApplicationScoped
public class PatternDetector {
    private static final Logger LOG = Logger.getLogger(PatternDetector.class);
    private final PatternQueries queries;
    private final IntelligenceConfig config;
    private final MutinyEmitter<String> published;
    private final ObjectMapper json;

    public PatternDetector(PatternQueries queries, IntelligenceConfig config, @Channel("patterns-out") MutinyEmitter<String> published,
            ObjectMapper json) {
        if (config.kAnonymity() < 2) {
            throw new IllegalArgumentException("veroforge.intelligence.k-anonymity is " + config.kAnonymity()
                    + ": a pattern must be shown by at least 2 tenants or it describes one; set it to 2 or more (default 10)");
        }
        this.queries = queries;
        this.config = config;
        this.published = published;
        this.json = json;
    }

    /** Detects over the window; answers the patterns that are new or whose evidence grew. */
    public Uni<List<Pattern>> detect() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        return queries.all(now.minus(config.window()), config.kAnonymity(), config.slowStage().toMillis())
                .flatMap(observations -> Panache.withTransaction(() -> keep(observations, now)))
                .flatMap(changed -> Multi.createFrom().iterable(changed).onItem().transformToUniAndConcatenate(this::publish)
                        .collect().asList());
    }

    private Uni<List<Pattern>> keep(List<Observation> observations, OffsetDateTime now) {
        List<Pattern> changed = new ArrayList<>();
        return Multi.createFrom().iterable(observations)
                .onItem().transformToUniAndConcatenate(o -> Pattern.<Pattern>find("signature", o.signature()).firstResult()
                        .flatMap(existing -> {
                            Pattern p = existing == null ? new Pattern() : existing;
                            boolean grew = existing == null || p.evidenceTenants != o.tenants() || p.evidenceEvents != o.events();
                            if (!grew) {
                                return Uni.createFrom().item(false);
                            }
                            p.signature = o.signature();
                            p.kind = o.kind();
                            p.description = PatternDescription.of(o);
                            p.details = toJson(o.parts());
                            p.evidenceTenants = o.tenants();
                            p.evidenceEvents = o.events();
                            p.tenantsObserved = o.tenantsObserved();
                            p.confidence = o.confidence();
                            p.firstSeen = o.firstSeen();
                            p.lastSeen = o.lastSeen();
                            p.detectedAt = now;
                            changed.add(p);
                            return p.persist().replaceWith(true);
                        }))
                .collect().asList()
                .map(ignored -> changed);
    }

    private Uni<Pattern> publish(Pattern p) {
        String message = toJson(new PatternMessage(p.id, p.kind, p.signature, p.description, p.details, p.evidenceTenants,
                p.evidenceEvents, p.tenantsObserved, p.confidence, p.firstSeen.toString(), p.lastSeen.toString()));
        return published.send(message)
                .flatMap(sent -> Panache.withTransaction(() -> Pattern.update("publishedAt = ?1 where id = ?2",
                        OffsetDateTime.now(ZoneOffset.UTC), p.id)))
                .invoke(n -> LOG.infof("pattern %d: %s", p.id, p.description))
                .replaceWith(p);
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What goes on {@code veroforge_patterns}: the pattern's counts and structure, nothing else. */
    public record PatternMessage(Long id, String kind, String signature, String description, String details, int evidenceTenants,
            long evidenceEvents, int tenantsObserved, double confidence, String firstSeen, String lastSeen) {
    }
}
