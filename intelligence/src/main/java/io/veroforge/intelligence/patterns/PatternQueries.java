package io.veroforge.intelligence.patterns;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.veroforge.intelligence.IntelligenceConfig;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The detection queries: each groups the window's events by a structural signature and keeps the
 * groups shown by at least k distinct tenants, so a pattern can never describe fewer. The grouping
 * is done by PostgreSQL (one scan per query over the type/time index), not in memory.
 */
@ApplicationScoped
class PatternQueries {
    /** $1 window start, $2 k. */
    private static final String OBSERVED = "(select count(distinct customer_id) from intelligence.telemetry_events where occurred_at >= $1)";
    private static final String CUSTOMER_EDITS = """
            select edit_kind, coalesce(edit_ontology_type, '') as ontology_type, coalesce(edit_field_type, '') as field_type,
                   coalesce(edit_optional::text, '') as optional, coalesce(edit_file, '') as file,
                   count(distinct customer_id) as tenants, count(*) as events, min(occurred_at) as first_seen,
                   max(occurred_at) as last_seen, %s as observed
            from intelligence.telemetry_events
            where type = 'customer_edit' and occurred_at >= $1
            group by 1, 2, 3, 4, 5
            having count(distinct customer_id) >= $2
            """.formatted(OBSERVED);
    /** The structural edits below k tenants, each with its (hashed) tenants, for {@link SimilarEdits}; $1 window start, $2 k. */
    private static final String RARE_EDITS = """
            select edit_kind, coalesce(edit_ontology_type, '') as ontology_type, coalesce(edit_field_type, '') as field_type,
                   coalesce(edit_optional::text, '') as optional, coalesce(edit_file, '') as file,
                   array_agg(distinct customer_id::text) as customers, count(*) as events, min(occurred_at) as first_seen,
                   max(occurred_at) as last_seen, %s as observed
            from intelligence.telemetry_events
            where type = 'customer_edit' and occurred_at >= $1
            group by 1, 2, 3, 4, 5
            having count(distinct customer_id) < $2
            """.formatted(OBSERVED);
    private static final String FAILURES = """
            select template_id, coalesce(stage, '') as stage, error,
                   count(distinct customer_id) as tenants, count(*) as events, min(occurred_at) as first_seen,
                   max(occurred_at) as last_seen, %s as observed
            from intelligence.telemetry_events
            where type in ('generation', 'performance', 'deployment') and not success and error is not null and occurred_at >= $1
            group by 1, 2, 3
            having count(distinct customer_id) >= $2
            """.formatted(OBSERVED);
    /** $3 the slow-stage threshold in ms. */
    private static final String SLOW_STAGES = """
            select template_id, stage,
                   count(distinct customer_id) as tenants, count(*) as events, min(occurred_at) as first_seen,
                   max(occurred_at) as last_seen, %s as observed
            from intelligence.telemetry_events
            where type = 'performance' and stage is not null and generation_time_ms > $3 and occurred_at >= $1
            group by 1, 2
            having count(distinct customer_id) >= $2
            """.formatted(OBSERVED);
    private static final String SCAN_FINDINGS = """
            select template_id,
                   count(distinct customer_id) as tenants, count(*) as events, min(occurred_at) as first_seen,
                   max(occurred_at) as last_seen, %s as observed
            from intelligence.telemetry_events
            where type = 'generation' and coalesce((metrics ->> 'securityFindings')::numeric, 0) > 0 and occurred_at >= $1
            group by 1
            having count(distinct customer_id) >= $2
            """.formatted(OBSERVED);

    private final Pool pool;
    private final SimilarEdits similarEdits;

    PatternQueries(Pool pool, IntelligenceConfig config) {
        this.pool = pool;
        this.similarEdits = new SimilarEdits(config.similarEdits());
    }

    Uni<List<Observation>> all(OffsetDateTime since, int k, long slowStageMs) {
        Tuple window = Tuple.of(since, k);
        return Uni.combine().all().unis(
                query(CUSTOMER_EDITS, window, "customer_edit", "edit", "ontologyType", "fieldType", "optional", "file"),
                query(FAILURES, window, "failure", "templateId", "stage", "error"),
                query(SLOW_STAGES, Tuple.of(since, k, slowStageMs), "slow_stage", "templateId", "stage"),
                query(SCAN_FINDINGS, window, "scan_findings", "templateId"),
                similarEdits(window, k))
                .with(List.class, lists -> {
                    List<Observation> all = new ArrayList<>();
                    for (Object list : lists) {
                        @SuppressWarnings("unchecked")
                        List<Observation> observations = (List<Observation>) list;
                        all.addAll(observations);
                    }
                    return all;
                });
    }

    private Uni<List<Observation>> similarEdits(Tuple window, int k) {
        return pool.preparedQuery(RARE_EDITS).execute(window).map(rows -> {
            List<EditVariant> variants = new ArrayList<>();
            int observed = 0;
            for (Row row : rows) {
                Map<String, String> parts = new LinkedHashMap<>();
                String[] names = {"edit", "ontologyType", "fieldType", "optional", "file"};
                for (int i = 0; i < names.length; i++) {
                    String value = row.getValue(i) == null ? "" : String.valueOf(row.getValue(i));
                    if (!value.isEmpty()) {
                        parts.put(names[i], value);
                    }
                }
                variants.add(new EditVariant(parts, Set.of(row.getArrayOfStrings("customers")), row.getLong("events"),
                        row.getOffsetDateTime("first_seen"), row.getOffsetDateTime("last_seen")));
                observed = row.getLong("observed").intValue();
            }
            return similarEdits.clusters(variants, k, observed);
        });
    }

    /** Runs one query; its first columns, in order, are the signature's parts named {@code parts}. */
    private Uni<List<Observation>> query(String sql, Tuple params, String kind, String... parts) {
        return pool.preparedQuery(sql).execute(params).map(rows -> {
            List<Observation> observations = new ArrayList<>();
            for (Row row : rows) {
                Map<String, String> signature = new LinkedHashMap<>();
                for (int i = 0; i < parts.length; i++) {
                    String value = row.getValue(i) == null ? "" : String.valueOf(row.getValue(i));
                    if (!value.isEmpty()) {
                        signature.put(parts[i], value);
                    }
                }
                observations.add(new Observation(kind, signature, row.getLong("tenants").intValue(), row.getLong("events"),
                        row.getLong("observed").intValue(), row.getOffsetDateTime("first_seen"), row.getOffsetDateTime("last_seen")));
            }
            return observations;
        });
    }
}
