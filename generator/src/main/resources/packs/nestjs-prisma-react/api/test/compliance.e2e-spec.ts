import { INestApplication } from '@nestjs/common';
import { Client } from 'pg';
import { ADMIN, ROUTES, SAMPLES, TABLES, asTenant, closeApp, connect, createAll, createApp, http, token } from './helpers';

/** Compliance: {app.complianceSummary}. What the AppSpec's regimes require, checked in the database. */
describe('compliance', () => {
  const tenant = 'tenant-compliance';
  const admin = token(tenant, [ADMIN], 'auditor-test');
  let app: INestApplication;
  let db: Client;
  let ids: Record<string, string>;

  beforeAll(async () => {
    app = await createApp();
    db = await connect();
    ids = await createAll(app, tenant);
  });

  afterAll(async () => {
    await db.end();
    await closeApp(app);
  });
{#if app.encryptedEntity}
{#if app.encryptedEntity.sampleEncryptedField}

  it('stores {app.encryptedEntity.name}.{app.encryptedEntity.sampleEncryptedField.property} encrypted at rest and returns it decrypted', async () => {
    const entity = '{app.encryptedEntity.name}';
    const sample: unknown = SAMPLES[entity](ids)['{app.encryptedEntity.sampleEncryptedField.property}'];
    const plain = typeof sample === 'object' ? JSON.stringify(sample) : String(sample); // the text the field cipher encrypts
    const stored = await asTenant(db, tenant, () =>
      db.query(`select {app.encryptedEntity.sampleEncryptedField.column} as v from ${ TABLES[entity] } where id = $1`, [ids[entity]]),
    );
    const raw: Buffer = stored.rows[0].v;
    expect(Buffer.isBuffer(raw)).toBe(true);
    expect(raw.equals(Buffer.from(plain))).toBe(false);
{#if app.encryptedEntity.sampleEncryptedField.samples.distinctiveText}
    expect(raw.toString('latin1')).not.toContain(plain);
{/if}
    // only the key opens it: pgcrypto decrypts it with PHI_ENCRYPTION_KEY and refuses any other key
    const opened = await db.query('select pgp_sym_decrypt($1::bytea, $2) as v', [raw, process.env.PHI_ENCRYPTION_KEY]);
    expect(opened.rows[0].v).toBe(plain);
    await expect(db.query('select pgp_sym_decrypt($1::bytea, $2) as v', [raw, 'not-the-key'])).rejects.toThrow();
    const res = await http(app).get(`${ ROUTES[entity] }/${ ids[entity] }`).set('Authorization', admin).expect(200);
    expect(res.body.{app.encryptedEntity.sampleEncryptedField.property}).toEqual(sample);
  });
{/if}
{/if}
{#if app.writeAuditedEntity}

  it('audits writes to {app.writeAuditedEntity.name} in the same transaction, without values', async () => {
    const entity = '{app.writeAuditedEntity.name}';
    const rows = await asTenant(db, tenant, () =>
      db.query('select action, actor, changed_columns from audit_log where table_name = $1 and row_id = $2', [TABLES[entity], ids[entity]]),
    );
    expect(rows.rows.map((r) => r.action)).toContain('insert');
    expect(rows.rows[0].actor).toBe('user-1'); // the creator in createAll, from veroforge.user_id
    expect(rows.rows[0].changed_columns).toContain('tenant_id');
  });
{/if}
{#if app.readAuditedEntity}

  it('audits reads of {app.readAuditedEntity.name}', async () => {
    const entity = '{app.readAuditedEntity.name}';
    await http(app).get(`${ ROUTES[entity] }/${ ids[entity] }`).set('Authorization', admin).expect(200);
    const rows = await asTenant(db, tenant, () =>
      db.query("select count(*)::int as n from audit_log where action = 'read' and row_id = $1", [ids[entity]]),
    );
    expect(rows.rows[0].n).toBeGreaterThanOrEqual(1);
  });

  it('keeps the audit log of one tenant away from another', async () => {
    const rows = await asTenant(db, 'tenant-other', () => db.query('select count(*)::int as n from audit_log'));
    expect(rows.rows[0].n).toBe(0);
  });
{/if}
{#if app.tokenizedEntity}

  it('accepts only payment-provider tokens for {app.tokenizedEntity.name}.{app.tokenizedEntity.tokenizedField.property} (PCI)', async () => {
    const entity = '{app.tokenizedEntity.name}';
    const payload = { ...SAMPLES[entity](ids), {app.tokenizedEntity.tokenizedField.property}: '4242 4242 4242 4242' };
    await http(app).post(ROUTES[entity]).set('Authorization', admin).send(payload).expect(400);
    const columns = await db.query('select column_name from information_schema.columns where table_name = $1', [TABLES[entity]]);
    expect(columns.rows.map((r) => r.column_name)).toContain('{app.tokenizedEntity.tokenizedField.column}');
  });
{/if}
});
