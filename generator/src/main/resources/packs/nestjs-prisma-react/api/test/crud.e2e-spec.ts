import { INestApplication } from '@nestjs/common';
import { ADMIN, CREATE_ORDER, ROUTES, SAMPLES, closeApp, createAll, createApp, http, token } from './helpers';

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
{#for e in app.testOrder}

  describe('{e.name}', () => {
    const route = ROUTES['{e.name}'];

    it('reads back what was created', async () => {
      const res = await http(app).get(`${ route }/${ ids['{e.name}'] }`).set('Authorization', admin).expect(200);
      expect(res.body).toMatchObject(SAMPLES['{e.name}'](ids) as object);
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
{#if e.selfRelation}

    it('links a second {e.label} to the first through {e.selfRelation.name}', async () => {
      const payload = { ...SAMPLES['{e.name}'](ids, 1), {e.selfRelation.fkProperty}: ids['{e.name}'] };
      const child = await http(app).post(route).set('Authorization', admin).send(payload).expect(201);
      expect(child.body.{e.selfRelation.fkProperty}).toBe(ids['{e.name}']);
      await http(app).delete(`${ route }/${ child.body.id }`).set('Authorization', admin).expect(204);
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
