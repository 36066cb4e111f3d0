package io.veroforge.intelligence.events;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Stores a batch of events in one statement: the batch travels as column arrays ({@code unnest}),
 * keeps its order in {@code seq}, and an id already stored is skipped ({@code on conflict do
 * nothing}) — the wire delivers at least once, the store keeps each event once. Plain SQL through
 * the reactive client rather than entities: this is the hot path (a batch per poll), the pattern
 * and proposal rows go through Hibernate Reactive.
 */
@ApplicationScoped
public class EventStore {
    private static final String INSERT = """
            insert into intelligence.telemetry_events (id, type, customer_id, occurred_at, template_id, stage, success,
                error, generation_time_ms, edit_kind, edit_ontology_type, edit_field_type, edit_optional, edit_file, metrics)
            select id, type, customer_id, occurred_at, template_id, stage, success, error, generation_time_ms,
                edit_kind, edit_ontology_type, edit_field_type, edit_optional, edit_file, metrics::jsonb
            from unnest($1::uuid[], $2::text[], $3::text[], $4::timestamptz[], $5::text[], $6::text[], $7::bool[],
                $8::text[], $9::int8[], $10::text[], $11::text[], $12::text[], $13::bool[], $14::text[], $15::text[])
                with ordinality as t(id, type, customer_id, occurred_at, template_id, stage, success, error,
                    generation_time_ms, edit_kind, edit_ontology_type, edit_field_type, edit_optional, edit_file, metrics, ord)
            order by ord
            on conflict (id) do nothing
            """;
    private static final String REJECT = """
            insert into intelligence.rejected_events (source, reason, payload)
            select * from unnest($1::text[], $2::text[], $3::text[])
            """;

    private final Pool pool;

    public EventStore(Pool pool) {
        this.pool = pool;
    }

    /** Stores the events not stored before; answers how many were new. */
    public Uni<Integer> storeAll(List<StoredEvent> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        int n = events.size();
        UUID[] ids = new UUID[n];
        String[] types = new String[n], customers = new String[n], templates = new String[n], stages = new String[n],
                errors = new String[n], kinds = new String[n], ontologyTypes = new String[n], fieldTypes = new String[n],
                files = new String[n], metrics = new String[n];
        OffsetDateTime[] times = new OffsetDateTime[n];
        Boolean[] successes = new Boolean[n], optionals = new Boolean[n];
        Long[] durations = new Long[n];
        for (int i = 0; i < n; i++) {
            StoredEvent e = events.get(i);
            ids[i] = e.id();
            types[i] = e.type();
            customers[i] = e.customerId();
            times[i] = e.occurredAt();
            templates[i] = e.templateId();
            stages[i] = e.stage();
            successes[i] = e.success();
            errors[i] = e.error();
            durations[i] = e.generationTimeMs();
            kinds[i] = e.editKind();
            ontologyTypes[i] = e.editOntologyType();
            fieldTypes[i] = e.editFieldType();
            optionals[i] = e.editOptional();
            files[i] = e.editFile();
            metrics[i] = e.metricsJson();
        }
        Tuple columns = Tuple.tuple(List.of(ids, types, customers, times, templates, stages, successes, errors, durations,
                kinds, ontologyTypes, fieldTypes, optionals, files, metrics));
        return pool.preparedQuery(INSERT).execute(columns).map(rows -> rows.rowCount());
    }

    /** Keeps events that broke the contract, with the reason, for an operator to look at. */
    public Uni<Void> rejectAll(String source, List<Rejected> rejected) {
        if (rejected.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        String[] sources = new String[rejected.size()], reasons = new String[rejected.size()], payloads = new String[rejected.size()];
        for (int i = 0; i < rejected.size(); i++) {
            sources[i] = source;
            reasons[i] = rejected.get(i).reason();
            payloads[i] = rejected.get(i).payload();
        }
        return pool.preparedQuery(REJECT).execute(Tuple.of(sources, reasons, payloads)).replaceWithVoid();
    }

    /** An event that broke the contract and why. */
    public record Rejected(String reason, String payload) {
    }
}
