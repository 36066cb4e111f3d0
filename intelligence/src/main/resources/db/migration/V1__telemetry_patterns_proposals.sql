-- The intelligence engine's own schema (Flyway runs with schemas=intelligence, so names here are
-- unqualified). Nothing in it names a tenant: customer_id is the operator's anonymized hash and
-- patterns keep only counts.

create table telemetry_events (
    id                 uuid primary key,          -- the event id: at-least-once on the wire, once here
    seq                bigserial not null,        -- arrival order (per partition key, the order sent)
    type               text not null,
    customer_id        char(32) not null,
    occurred_at        timestamptz not null,
    template_id        text not null,
    stage              text,
    success            boolean not null,
    error              text,
    generation_time_ms bigint not null,
    edit_kind          text,
    edit_ontology_type text,
    edit_field_type    text,
    edit_optional      boolean,
    edit_file          text,
    metrics            jsonb not null default '{}'
);
create index telemetry_events_by_type_time on telemetry_events (type, occurred_at);

-- What failed the contract is kept, with why, instead of being dropped silently.
create table rejected_events (
    id          bigserial primary key,
    received_at timestamptz not null default now(),
    source      text not null,
    reason      text not null,
    payload     text not null
);

create table patterns (
    id               bigserial primary key,
    signature        text not null unique,
    kind             text not null,
    description      text not null,
    details          text not null,               -- JSON: the structural signature's parts
    evidence_tenants integer not null,
    evidence_events  bigint not null,
    tenants_observed integer not null,
    confidence       double precision not null,
    first_seen       timestamptz not null,
    last_seen        timestamptz not null,
    detected_at      timestamptz not null,
    published_at     timestamptz
);

create table proposals (
    id              bigserial primary key,
    pattern_id      bigint not null unique references patterns (id),
    kind            text not null,
    summary         text not null,
    change          text not null,                -- JSON: what the overlay would change
    risk            text not null,
    risk_reasons    text not null,                -- JSON array
    checks          text not null,
    checks_detail   text not null,
    state           text not null,
    created_at      timestamptz not null,
    published_at    timestamptz
);

create table proposal_decisions (
    id          bigserial primary key,
    proposal_id bigint not null references proposals (id),
    decision    text not null,
    actor       text not null,
    reason      text not null,
    decided_at  timestamptz not null
);
