import { INestApplication } from '@nestjs/common';
import { ADMIN, CREATE_ORDER, DISTINCT_ROWS, ROUTES, SAMPLES, afterOnCreate, closeApp, createAll, createApp, http, token, workflowsSettled } from './helpers';

/** Every entity through its REST API: create, read, list (page, sort, filter), update, validation, roles, delete. */
describe('{app.title} API', () => {
  const tenant = 'tenant-crud';
  const admin = token(tenant, [ADMIN]);
  let app: INestApplication;
  let ids: Record<string, string>;

  beforeAll(async () => {
    app = await createApp();
    ids = await createAll(app, tenant);
  });

  afterAll(async () => {
    await closeApp(app);
  });

  it('answers health without a token', async () => {
    const res = await http(app).get('/health').expect(200);
    expect(res.body.database).toBe('up');
  });

  it('refuses requests without a valid token', async () => {
    await http(app).get(ROUTES[CREATE_ORDER[0]]).expect(401);
    await http(app).get(ROUTES[CREATE_ORDER[0]]).set('Authorization', 'Bearer not-a-token').expect(401);
  });

  it('publishes an OpenAPI document', async () => {
    const res = await http(app).get('/api/docs-json').expect(200);
    expect(Object.keys(res.body.paths)).toEqual(expect.arrayContaining(Object.values(ROUTES)));
  });

  describe('paging', () => {
    const entity = CREATE_ORDER[0];
    const route = ROUTES[entity];
    const own = token('tenant-paging', [ADMIN], 'pager');
    const n = Math.min(3, DISTINCT_ROWS[entity]);
    let created: string[];

    beforeAll(async () => {
      created = [];
      for (let i = 0; i < n; i++) {
        created.push((await http(app).post(route).set('Authorization', own).send(SAMPLES[entity]({}, i)).expect(201)).body.id);
      }
    });

    it('keyset pages (after = next) walk the same rows in the same order as offset pages', async () => {
      const byOffset: string[] = [];
      for (let page = 1; page <= n; page++) {
        byOffset.push(...(await http(app).get(route).query({ page, pageSize: 1 }).set('Authorization', own).expect(200)).body.items.map((r: { id: string }) => r.id));
      }
      const byKeyset: string[] = [];
      let after: string | null = null;
      for (let i = 0; i < n + 1 && (i === 0 || after !== null); i++) {
        const query: Record<string, string | number> = after === null ? { pageSize: 1 } : { pageSize: 1, after };
        const body: { items: { id: string }[]; next: string | null } = (await http(app).get(route).query(query).set('Authorization', own).expect(200)).body;
        byKeyset.push(...body.items.map((r) => r.id));
        after = body.next;
      }
      expect(after).toBeNull();
      expect(byKeyset).toEqual(byOffset);
      expect([...byKeyset].sort()).toEqual([...created].sort());
    });

    it('counts exactly, capped (the default) or not at all', async () => {
      const exact = await http(app).get(route).query({ pageSize: 1, count: 'exact' }).set('Authorization', own).expect(200);
      expect(exact.body.total).toBe(n);
      const estimated = await http(app).get(route).query({ pageSize: 1 }).set('Authorization', own).expect(200);
      expect(estimated.body).toMatchObject({ total: n, totalCapped: false });
      const none = await http(app).get(route).query({ pageSize: 1, count: 'none' }).set('Authorization', own).expect(200);
      expect(none.body.total).toBeUndefined();
      expect(none.body.items).toHaveLength(1);
    });

    it('refuses a bad count or cursor naming the parameter', async () => {
      const count = await http(app).get(route).query({ count: 'roughly' }).set('Authorization', own).expect(400);
      expect(JSON.stringify(count.body.message)).toContain('count must be exact, estimated or none');
      const after = await http(app).get(route).query({ after: 'page-2' }).set('Authorization', own).expect(400);
      expect(JSON.stringify(after.body.message)).toContain('after must be');
    });
  });
{#for e in app.testOrder}

  describe('{e.name}', () => {
    const route = ROUTES['{e.name}'];

    it('reads back what was created', async () => {
      await workflowsSettled(app);
      const res = await http(app).get(`${ route }/${ ids['{e.name}'] }`).set('Authorization', admin).expect(200);
      expect(res.body).toMatchObject(afterOnCreate('{e.name}', SAMPLES['{e.name}'](ids)));
      expect(res.body.tenantId).toBeUndefined();
    });

    it('lists with paging and sorting', async () => {
      const res = await http(app).get(`${ route }?page=1&pageSize=1&sort=createdAt:asc`).set('Authorization', admin).expect(200);
      expect(res.body.total).toBeGreaterThanOrEqual(1);
      expect(res.body.items).toHaveLength(1);
      expect(res.body.pageSize).toBe(1);
      await http(app).get(`${ route }?sort=noSuchField:sideways`).set('Authorization', admin).expect(400);
    });
{#if e.filterField}

    it('filters by {e.filterField.property}', async () => {
      const value = SAMPLES['{e.name}'](ids)['{e.filterField.property}'];
      const res = await http(app).get(route).query({ {e.filterField.property}: String(value) }).set('Authorization', admin).expect(200);
      expect(res.body.total).toBeGreaterThanOrEqual(1);
      for (const item of res.body.items) {
        expect(item.{e.filterField.property}).toEqual(value);
      }
    });
{/if}
{#if e.updateField}

    it('updates {e.updateField.property}', async () => {
      const res = await http(app)
        .patch(`${ route }/${ ids['{e.name}'] }`)
        .set('Authorization', admin)
        .send({ {e.updateField.property}: {e.updateField.samples.otherValue} })
        .expect(200);
      expect(res.body.{e.updateField.property}).toEqual({e.updateField.samples.otherValue});
    });
{/if}
{#if e.searchSampleField}

    it('finds the row by ?q= over its text fields, case-insensitively, with q bound as a value', async () => {
      // the value as stored now (an earlier test may have updated it)
      const text = String((await http(app).get(`${ route }/${ ids['{e.name}'] }`).set('Authorization', admin).expect(200)).body.{e.searchSampleField.property});
      const part = text.length > 2 ? text.slice(1, -1) : text;
      for (const q of [part, part.toUpperCase(), part.toLowerCase()]) {
        const found = await http(app).get(route).query({ q, pageSize: 100 }).set('Authorization', admin).expect(200);
        expect(found.body.items.map((r: { id: string }) => r.id)).toContain(ids['{e.name}']);
      }
      const none = await http(app).get(route).query({ q: "zz' OR '1'='1" }).set('Authorization', admin).expect(200);
      expect(none.body.items).toEqual([]);
    });
{/if}
{#if !e.searchable}

    it('refuses ?q= naming the parameter: {e.label} has no text field to search', async () => {
      const res = await http(app).get(route).query({ q: 'anything' }).set('Authorization', admin).expect(400);
      expect(res.body.message).toContain('q:');
    });
{/if}
{#if e.selfRelation}

    it('links a second {e.label} to the first through {e.selfRelation.name}', async () => {
      const payload = { ...SAMPLES['{e.name}'](ids, 1), {e.selfRelation.fkProperty}: ids['{e.name}'] };
      const child = await http(app).post(route).set('Authorization', admin).send(payload).expect(201);
      expect(child.body.{e.selfRelation.fkProperty}).toBe(ids['{e.name}']);
      await http(app).delete(`${ route }/${ child.body.id }`).set('Authorization', admin).expect(204);
    });
{/if}

{#if e.clearField}
    it('clears the optional {e.clearField.property} with null, and refuses null for a required field', async () => {
      const cleared = await http(app).patch(`${ route }/${ ids['{e.name}'] }`).set('Authorization', admin).send({ {e.clearField.property}: null }).expect(200);
      expect(cleared.body.{e.clearField.property}).toBeNull();
      const read = await http(app).get(`${ route }/${ ids['{e.name}'] }`).set('Authorization', admin).expect(200);
      expect(read.body.{e.clearField.property}).toBeNull();
{#if e.requiredSampleField}
      const refused = await http(app).patch(`${ route }/${ ids['{e.name}'] }`).set('Authorization', admin).send({ {e.requiredSampleField.property}: null }).expect(400);
      expect(JSON.stringify(refused.body.message)).toContain('{e.requiredSampleField.property}');
{/if}
    });

{/if}
    it('rejects invalid input with 400', async () => {
      await http(app).post(route).set('Authorization', admin).send({ ...SAMPLES['{e.name}'](ids), notAField: 1 }).expect(400);
{#if e.hasRequiredFields}
      await http(app).post(route).set('Authorization', admin).send({}).expect(400);
{/if}
      await http(app).get(`${ route }/not-a-uuid`).set('Authorization', admin).expect(400);
      await http(app).get(`${ route }/00000000-0000-4000-8000-00000000abcd`).set('Authorization', admin).expect(404);
    });
{#if e.forbidden}

    it('refuses {e.forbidden.action} to role {e.forbidden.role} (403)', async () => {
      const caller = token(tenant, ['{e.forbidden.role}'], 'user-2');
      // widened to every action, so the branches below type-check whichever one the role lacks
      const action = '{e.forbidden.action}' as 'create' | 'read' | 'update' | 'delete';
      const res =
        action === 'create'
          ? await http(app).post(route).set('Authorization', caller).send(SAMPLES['{e.name}'](ids))
          : action === 'read'
            ? await http(app).get(route).set('Authorization', caller)
            : action === 'update'
              ? await http(app).patch(`${ route }/${ ids['{e.name}'] }`).set('Authorization', caller).send({})
              : await http(app).delete(`${ route }/${ ids['{e.name}'] }`).set('Authorization', caller);
      expect(res.status).toBe(403);
    });
{/if}
  });
{/for}

  it('deletes every row, children first', async () => {
    for (const entity of [...CREATE_ORDER].reverse()) {
      await http(app).delete(`${ ROUTES[entity] }/${ ids[entity] }`).set('Authorization', admin).expect(204);
      await http(app).get(`${ ROUTES[entity] }/${ ids[entity] }`).set('Authorization', admin).expect(404);
    }
  });
});
