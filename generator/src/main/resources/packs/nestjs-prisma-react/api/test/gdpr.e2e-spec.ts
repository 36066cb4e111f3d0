import { INestApplication } from '@nestjs/common';
import { ADMIN, ROUTES, SAMPLES, closeApp, createAll, createApp, http, token } from './helpers';

/**
 * GDPR: export returns the data subject's row and every row that references it as one document;
 * erase anonymizes personal fields across them and keeps financial records; another tenant gets
 * 404, no token 401.
 */
describe('GDPR', () => {
  let app: INestApplication;

  beforeAll(async () => {
    app = await createApp();
  });

  afterAll(async () => {
    await closeApp(app);
  });
{#for s in app.dataSubjects}

  describe('{s.subject.name}', () => {
    const tenant = 'tenant-gdpr-{s.subject.names.kebab}';
    const admin = token(tenant, [ADMIN]);
    const route = ROUTES['{s.subject.name}'];
    /** Rows the test creates that reference the subject, by entity. */
    const referencing: string[] = {s.expectedEntitiesLiteral};
    const erasedFields: Record<string, string[]> = {s.erasedSampleFieldsLiteral};
    const kept: string[] = {s.keptEntitiesLiteral};
    let ids: Record<string, string>;

    beforeAll(async () => {
      ids = await createAll(app, tenant);
    });

    it('exports the subject and the rows that reference it as one document', async () => {
      const res = await http(app).get(`${ route }/${ ids['{s.subject.name}'] }/export`).set('Authorization', admin).expect(200);
      expect(res.body.subject).toEqual({ entity: '{s.subject.name}', id: ids['{s.subject.name}'] });
      expect(res.body.data['{s.subject.name}']).toHaveLength(1);
      expect(res.body.data['{s.subject.name}'][0]).toMatchObject(SAMPLES['{s.subject.name}'](ids) as object);
      for (const entity of referencing) {
        expect(res.body.data[entity].map((r: { id: string }) => r.id)).toContain(ids[entity]);
      }
    });

    it('refuses another tenant (404) and a missing token (401)', async () => {
      const other = token('tenant-gdpr-other', [ADMIN]);
      await http(app).get(`${ route }/${ ids['{s.subject.name}'] }/export`).set('Authorization', other).expect(404);
      await http(app).post(`${ route }/${ ids['{s.subject.name}'] }/erase`).set('Authorization', other).expect(404);
      await http(app).get(`${ route }/${ ids['{s.subject.name}'] }/export`).expect(401);
      await http(app).post(`${ route }/${ ids['{s.subject.name}'] }/erase`).expect(401);
    });

    it('erases personal fields across the rows and keeps financial records', async () => {
      const before = (await http(app).get(`${ route }/${ ids['{s.subject.name}'] }/export`).set('Authorization', admin).expect(200)).body;
      const res = await http(app).post(`${ route }/${ ids['{s.subject.name}'] }/erase`).set('Authorization', admin).expect(200);
      for (const entity of kept) {
        expect(res.body.kept).toEqual(expect.arrayContaining([expect.objectContaining({ entity, ids: expect.arrayContaining([ids[entity]]) })]));
      }
      for (const [entity, fields] of Object.entries(erasedFields)) {
        expect(res.body.erased[entity]).toContain(ids[entity]);
        const row = (await http(app).get(`${ ROUTES[entity] }/${ ids[entity] }`).set('Authorization', admin).expect(200)).body;
        const sample = SAMPLES[entity](ids);
        for (const field of fields) {
          expect(row[field]).not.toEqual(sample[field]);
        }
      }
      for (const entity of kept) {
        const row = (await http(app).get(`${ ROUTES[entity] }/${ ids[entity] }`).set('Authorization', admin).expect(200)).body;
        expect(row).toEqual(before.data[entity].find((r: { id: string }) => r.id === ids[entity]));
      }
    });
  });
{/for}
});
