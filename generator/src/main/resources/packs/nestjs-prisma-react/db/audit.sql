-- Audit log{#if app.hipaa} (HIPAA: every read and write of PHI-holding entities is recorded{#if app.auditRetentionDays}, kept {app.auditRetentionDays} days{/if}){/if}.
-- Writes are recorded by a trigger, in the same transaction as the change; the API records reads.
-- Only column names are logged, never values: the log must not become a second copy of the PHI.

CREATE TABLE audit_log (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  tenant_id text NOT NULL DEFAULT current_setting('veroforge.tenant_id', true),
  table_name text NOT NULL,
  row_id uuid NOT NULL,
  action text NOT NULL CHECK (action IN ('insert', 'update', 'delete', 'read', 'export', 'erase')),
  actor text DEFAULT current_setting('veroforge.user_id', true),
  changed_columns text[],
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX audit_log_row_idx ON audit_log (tenant_id, table_name, row_id);
CREATE INDEX audit_log_at_idx ON audit_log (tenant_id, at);
{app.auditPolicy}

CREATE FUNCTION audit_row_change() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE
  changed text[];
BEGIN
  IF TG_OP = 'UPDATE' THEN
    SELECT array_agg(n.key ORDER BY n.key) INTO changed
      FROM jsonb_each(to_jsonb(NEW)) n JOIN jsonb_each(to_jsonb(OLD)) o ON o.key = n.key
     WHERE n.value IS DISTINCT FROM o.value AND n.key NOT IN ('updated_at', 'updated_by');
  ELSIF TG_OP = 'INSERT' THEN
    SELECT array_agg(n.key ORDER BY n.key) INTO changed FROM jsonb_each(to_jsonb(NEW)) n WHERE n.value <> 'null'::jsonb;
  END IF;
  INSERT INTO audit_log (tenant_id, table_name, row_id, action, changed_columns)
  VALUES (CASE WHEN TG_OP = 'DELETE' THEN OLD.tenant_id ELSE NEW.tenant_id END, TG_TABLE_NAME,
          CASE WHEN TG_OP = 'DELETE' THEN OLD.id ELSE NEW.id END, lower(TG_OP), changed);
  RETURN NULL;
END
$fn$;
{#for e in app.auditedEntities}
{#fragment id=audit_trigger}

CREATE TRIGGER {e.names.table}_audit AFTER INSERT OR UPDATE OR DELETE ON {e.names.table}
  FOR EACH ROW EXECUTE FUNCTION audit_row_change();
{/fragment}
{/for}
