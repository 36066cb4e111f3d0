import { INestApplication } from '@nestjs/common';
import { Client } from 'pg';
import { ADMIN, ROUTES, SAMPLES, TABLES, asTenant, closeApp, connect, createApp, http, token, workflowsSettled } from './helpers';

/**
 * Tenant isolation through PostgreSQL row-level security: rows written as tenant A are invisible,
 * unchangeable and undeletable as tenant B, through the API and directly in the database.
 */
describe('tenant isolation', () => {
  const entity = '{app.isolationEntity.name}';
  const route = ROUTES[entity];
  const table = TABLES[entity];
  const tenantA = token('tenant-a', [ADMIN], 'alice');
  const tenantB = token('tenant-b', [ADMIN], 'bob');
  let app: INestApplication;
  let db: Client;
  let id: string;
  let created: Record<string, unknown>;

  beforeAll(async () => {
    app = await createApp();
    db = await connect();
    const res = await http(app).post(route).set('Authorization', tenantA).send(SAMPLES[entity]({})).expect(201);
    id = res.body.id;
    await workflowsSettled(app); // on-create workflows may still change the row
    created = (await http(app).get(`${ route }/${ id }`).set('Authorization', tenantA).expect(200)).body;
  });

  afterAll(async () => {
    await db.end();
    await closeApp(app);
  });

  it('runs as a role that row-level security applies to', async () => {
    const res = await db.query('select rolsuper, rolbypassrls from pg_roles where rolname = current_user');
    expect(res.rows[0]).toEqual({ rolsuper: false, rolbypassrls: false });
  });

  it('tenant B does not see tenant A rows in lists', async () => {
    const res = await http(app).get(route).set('Authorization', tenantB).expect(200);
    expect(res.body.items.map((r: { id: string }) => r.id)).not.toContain(id);
    const own = await http(app).get(route).set('Authorization', tenantA).expect(200);
    expect(own.body.items.map((r: { id: string }) => r.id)).toContain(id);
  });

  it('tenant B gets 404 for a tenant A row', async () => {
    await http(app).get(`${ route }/${ id }`).set('Authorization', tenantB).expect(404);
  });

  it('tenant B cannot update a tenant A row, which stays unchanged', async () => {
    await http(app).patch(`${ route }/${ id }`).set('Authorization', tenantB).send(SAMPLES[entity]({})).expect(404);
    const res = await http(app).get(`${ route }/${ id }`).set('Authorization', tenantA).expect(200);
    expect(res.body).toEqual(created);
  });

  it('tenant B cannot delete a tenant A row', async () => {
    await http(app).delete(`${ route }/${ id }`).set('Authorization', tenantB).expect(404);
    await http(app).get(`${ route }/${ id }`).set('Authorization', tenantA).expect(200);
  });
{#if app.isolationChild}

  it('tenant B cannot reference a tenant A row from a {app.isolationChild.name}', async () => {
    const payload = SAMPLES['{app.isolationChild.name}']({ [entity]: id });
    await http(app).post(ROUTES['{app.isolationChild.name}']).set('Authorization', tenantB).send(payload).expect(400);
  });
{/if}

  it('in the database, tenant B reads, updates and deletes nothing of tenant A', async () => {
    await asTenant(db, 'tenant-b', async () => {
      expect((await db.query(`select id from ${ table } where id = $1`, [id])).rowCount).toBe(0);
      expect((await db.query(`update ${ table } set updated_at = now() where id = $1`, [id])).rowCount).toBe(0);
      expect((await db.query(`delete from ${ table } where id = $1`, [id])).rowCount).toBe(0);
    });
    await asTenant(db, 'tenant-a', async () => {
      expect((await db.query(`select id from ${ table } where id = $1`, [id])).rowCount).toBe(1);
    });
  });

  it('in the database, no tenant setting means no rows', async () => {
    await asTenant(db, null, async () => {
      expect((await db.query(`select count(*)::int as n from ${ table }`)).rows[0].n).toBe(0);
    });
  });

  it('in the database, a pooled connection whose last transaction set a tenant sees and writes nothing without one', async () => {
    // after a transaction-local set_config the session reads the setting as '' (not NULL): still no tenant
    await asTenant(db, 'tenant-a', () => Promise.resolve());
    expect((await db.query("select current_setting('veroforge.tenant_id', true) as t")).rows[0].t).toBe('');
    expect((await db.query(`select count(*)::int as n from ${ table }`)).rows[0].n).toBe(0);
    await expect(asTenant(db, null, () => db.query(`insert into ${ table } (tenant_id) values (default)`))).rejects.toThrow(/row-level security/);
    await expect(asTenant(db, null, () => db.query(`insert into ${ table } (tenant_id) values ('')`))).rejects.toThrow(/row-level security/);
  });

  it('in the database, a row cannot be written for another tenant', async () => {
    await expect(
      asTenant(db, 'tenant-b', () => db.query(`insert into ${ table } (tenant_id) values ('tenant-a')`)),
    ).rejects.toThrow(/row-level security/);
    await expect(
      asTenant(db, 'tenant-a', () => db.query(`update ${ table } set tenant_id = 'tenant-b' where id = $1`, [id])),
    ).rejects.toThrow(/row-level security/);
  });
});
