-- Schema of {app.title}: one table per entity, every row owned by a tenant.
-- Row-level security: each table is ENABLEd and FORCEd (the owning role the app logs in as is bound too),
-- with policy tenant_isolation comparing tenant_id with the transaction's setting veroforge.tenant_id,
-- read once per statement: (select nullif(current_setting('veroforge.tenant_id', true), '')).
-- The API sets it in the same transaction as its query: select set_config('veroforge.tenant_id', $1, true).
-- Unset (NULL, or '' on a pooled connection after an earlier transaction), no row is visible or writable (fail closed).
-- Indexes lead with tenant_id: the default list order (tenant_id, created_at DESC, id), every foreign key,
-- every unique key; searchable text also gets a trigram index for ?q= (ILIKE '%text%').
{#if app.trigramSearch}

-- ?q= searches with ILIKE '%text%': trigram indexes serve it (pg_trgm is a trusted extension)
CREATE EXTENSION IF NOT EXISTS pg_trgm;
{/if}
{#if app.pgcrypto}

-- HIPAA: PHI columns are bytea written with pgp_sym_encrypt (pgcrypto is a trusted extension)
CREATE EXTENSION IF NOT EXISTS pgcrypto;
{/if}
{#for e in app.entities}
{#fragment id=table}

-- {e.description}
CREATE TABLE {e.names.table} (
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  tenant_id text NOT NULL DEFAULT current_setting('veroforge.tenant_id', true),
{#for f in e.fields}
  {f.sql.definition},
{/for}
{#for r in e.foreignKeys}
  {r.sqlColumn},
{/for}
{#if e.hasOwner}
  {e.ownerColumn} text DEFAULT current_setting('veroforge.user_id', true),
{/if}
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  created_by text DEFAULT current_setting('veroforge.user_id', true),
  updated_by text DEFAULT current_setting('veroforge.user_id', true),
{#for f in e.fields}
{#for c in f.sql.checks}
  {c},
{/for}
{#if f.sql.unique}
  {f.sql.uniqueConstraint},
{/if}
{/for}
  CONSTRAINT {e.names.table}_pkey PRIMARY KEY (id),
  CONSTRAINT {e.names.table}_tenant_id_id_key UNIQUE (tenant_id, id)
);
{e.createListIndex}
{#for f in e.indexedSearchFields}
{f.sql.createIndex}
{/for}
{#if e.hasOwner}
CREATE INDEX {e.names.table}_{e.ownerColumn}_idx ON {e.names.table} (tenant_id, {e.ownerColumn});
{/if}
{e.tenantPolicy}
{/fragment}
{/for}
{#for e in app.entities}
{#for j in e.joins}
{#fragment id=join_table}

-- many-to-many {e.name}.{j.name}
CREATE TABLE {j.joinTable} (
  tenant_id text NOT NULL DEFAULT current_setting('veroforge.tenant_id', true),
  {j.leftColumn} uuid NOT NULL,
  {j.rightColumn} uuid NOT NULL,
  CONSTRAINT {j.joinTable}_pkey PRIMARY KEY ({j.leftColumn}, {j.rightColumn}),
  CONSTRAINT {j.joinTable}_{j.leftColumn}_fkey FOREIGN KEY (tenant_id, {j.leftColumn}) REFERENCES {e.names.table} (tenant_id, id) ON DELETE CASCADE,
  CONSTRAINT {j.joinTable}_{j.rightColumn}_fkey FOREIGN KEY (tenant_id, {j.rightColumn}) REFERENCES {j.target.table} (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX {j.joinTable}_{j.rightColumn}_idx ON {j.joinTable} (tenant_id, {j.rightColumn});
{j.joinTenantPolicy}
{/fragment}
{/for}
{/for}

-- Users the API has seen, as their access tokens describe them: whom a notification to a role reaches.
CREATE TABLE directory_users (
  tenant_id text NOT NULL DEFAULT current_setting('veroforge.tenant_id', true),
  subject text NOT NULL,
  email text,
  roles text[] NOT NULL DEFAULT ARRAY[]::text[],
  seen_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT directory_users_pkey PRIMARY KEY (tenant_id, subject)
);
{app.directoryPolicy}

-- Foreign keys include tenant_id: a row can reference only rows of its own tenant
-- (foreign key checks bypass row-level security, the composite key does not).
{#for e in app.entities}
{#for r in e.foreignKeys}
{r.sqlForeignKey}
{r.sqlIndex}
{/for}
{/for}
