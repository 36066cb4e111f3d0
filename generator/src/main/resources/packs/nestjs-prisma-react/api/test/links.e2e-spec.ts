import { INestApplication } from '@nestjs/common';
import { Client } from 'pg';
import { ADMIN, ROUTES, asTenant, closeApp, connect, createAll, createApp, http, token } from './helpers';

/**
 * Many-to-many relations through the API: id arrays in create and update, ?include= of the linked
 * rows, link and unlink endpoints, and tenant isolation of the join table (API and database).
 */
describe('many-to-many', () => {
  const tenant = 'tenant-links';
  const admin = token(tenant, [ADMIN]);
  const foreign = token('tenant-links-other', [ADMIN]);
  let app: INestApplication;
  let db: Client;
  let ids: Record<string, string>;
  let foreignIds: Record<string, string>;

  beforeAll(async () => {
    app = await createApp();
    db = await connect();
    ids = await createAll(app, tenant);
    foreignIds = await createAll(app, 'tenant-links-other');
  });

  afterAll(async () => {
    await db.end();
    await closeApp(app);
  });
{#for t in app.linkTests}

  describe('{t.entity.name}.{t.relation.name} ↔ {t.relation.relation.target}.{t.relation.relation.inverseName}', () => {
    const route = ROUTES['{t.entity.name}'];
    const targetRoute = ROUTES['{t.relation.relation.target}'];
    const self = () => `${ route }/${ ids['{t.entity.name}'] }`;

    it('replaces the links with an id array on update, and shows them on both sides', async () => {
      const res = await http(app).patch(self()).set('Authorization', admin).send({ {t.relation.idsProperty}: [ids['{t.relation.relation.target}']] }).expect(200);
      expect(res.body.{t.relation.idsProperty}).toEqual([ids['{t.relation.relation.target}']]);
      const other = await http(app).get(`${ targetRoute }/${ ids['{t.relation.relation.target}'] }`).set('Authorization', admin).expect(200);
      expect(other.body.{t.relation.inverseIdsProperty}).toContain(ids['{t.entity.name}']);
      const cleared = await http(app).patch(self()).set('Authorization', admin).send({ {t.relation.idsProperty}: [] }).expect(200);
      expect(cleared.body.{t.relation.idsProperty}).toEqual([]);
    });

    it('includes the linked rows on request', async () => {
      await http(app).put(`${ self() }/{t.relation.routeSegment}/${ ids['{t.relation.relation.target}'] }`).set('Authorization', admin).expect(204);
      const res = await http(app).get(self()).query({ include: '{t.relation.name}' }).set('Authorization', admin).expect(200);
      expect(res.body.{t.relation.name}.map((r: { id: string }) => r.id)).toEqual([ids['{t.relation.relation.target}']]);
      const plain = await http(app).get(self()).set('Authorization', admin).expect(200);
      expect(plain.body.{t.relation.name}).toBeUndefined();
      const list = await http(app).get(route).query({ include: '{t.relation.name}' }).set('Authorization', admin).expect(200);
      expect(list.body.items.find((r: { id: string }) => r.id === ids['{t.entity.name}']).{t.relation.name}).toHaveLength(1);
      await http(app).get(self()).query({ include: 'noSuchRelation' }).set('Authorization', admin).expect(400);
    });

    it('links and unlinks one row at a time', async () => {
      const link = `${ self() }/{t.relation.routeSegment}/${ ids['{t.relation.relation.target}'] }`;
      await http(app).put(link).set('Authorization', admin).expect(204);
      await http(app).put(link).set('Authorization', admin).expect(204); // linking twice changes nothing
      expect((await http(app).get(self()).set('Authorization', admin).expect(200)).body.{t.relation.idsProperty}).toEqual([ids['{t.relation.relation.target}']]);
      await http(app).delete(link).set('Authorization', admin).expect(204);
      await http(app).delete(link).set('Authorization', admin).expect(404);
      expect((await http(app).get(self()).set('Authorization', admin).expect(200)).body.{t.relation.idsProperty}).toEqual([]);
    });

    it('refuses rows of another tenant', async () => {
      const foreignTarget = foreignIds['{t.relation.relation.target}'];
      await http(app).patch(self()).set('Authorization', admin).send({ {t.relation.idsProperty}: [foreignTarget] }).expect(400);
      await http(app).put(`${ self() }/{t.relation.routeSegment}/${ foreignTarget }`).set('Authorization', admin).expect(404);
      await http(app).put(`${ self() }/{t.relation.routeSegment}/${ ids['{t.relation.relation.target}'] }`).set('Authorization', foreign).expect(404);
      expect((await http(app).get(self()).set('Authorization', admin).expect(200)).body.{t.relation.idsProperty}).toEqual([]);
    });

    it('in the database, the join table is isolated per tenant and cannot point into another tenant', async () => {
      await http(app).put(`${ self() }/{t.relation.routeSegment}/${ ids['{t.relation.relation.target}'] }`).set('Authorization', admin).expect(204);
      const count = 'select count(*)::int as n from {t.relation.joinTable} where {t.relation.leftColumn} = $1';
      await asTenant(db, tenant, async () => expect((await db.query(count, [ids['{t.entity.name}']])).rows[0].n).toBe(1));
      await asTenant(db, 'tenant-links-other', async () => expect((await db.query(count, [ids['{t.entity.name}']])).rows[0].n).toBe(0));
      await expect(
        asTenant(db, tenant, () =>
          db.query('insert into {t.relation.joinTable} ({t.relation.leftColumn}, {t.relation.rightColumn}) values ($1, $2)', [
            ids['{t.entity.name}'],
            foreignIds['{t.relation.relation.target}'],
          ]),
        ),
      ).rejects.toThrow(/foreign key/);
      await http(app).delete(`${ self() }/{t.relation.routeSegment}/${ ids['{t.relation.relation.target}'] }`).set('Authorization', admin).expect(204);
    });

{#if !t.relation.self}

    it('accepts the links in the create body', async () => {
      const created = await createAll(app, 'tenant-links-create-{t_index}', (entity, before) =>
        entity === '{t.creator}' ? { {t.creatorIdsProperty}: [before['{t.creatorTarget}']] } : {},
      );
      const res = await http(app).get(`${ ROUTES['{t.creator}'] }/${ created['{t.creator}'] }`).set('Authorization', token('tenant-links-create-{t_index}', [ADMIN])).expect(200);
      expect(res.body.{t.creatorIdsProperty}).toEqual([created['{t.creatorTarget}']]);
    });
{/if}
  });
{/for}
});
