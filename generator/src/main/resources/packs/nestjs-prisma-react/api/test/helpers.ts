import { INestApplication } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { Test } from '@nestjs/testing';
import { Client } from 'pg';
import request from 'supertest';
import { AppModule } from '../src/app.module';
import { configureApp } from '../src/setup';
import { WorkflowEvents } from '../src/workflows/workflow-events';

export const ADMIN = '{app.adminRole}';

/** Routes by entity name. */
export const ROUTES: Record<string, string> = {
{#for e in app.entities}
  {e.name}: '/{e.names.pluralKebab}',
{/for}
};

/** Tables by entity name, for the database-level checks. */
export const TABLES: Record<string, string> = {
{#for e in app.entities}
  {e.name}: '{e.names.table}',
{/for}
};

/** Owning relations by entity: the foreign key the API shows and the entity it points at. */
export const RELATIONS: Record<string, Record<string, { fk: string; target: string }>> = {
{#for e in app.entities}
  {e.name}: { {#for r in e.foreignKeys}{r.name}: { fk: '{r.fkProperty}', target: '{r.relation.target}' }{#if r_hasNext}, {/if}{/for} },
{/for}
};

/** Parents before children: the order rows can be created in. */
export const CREATE_ORDER = [{#for e in app.testOrder}'{e.name}'{#if e_hasNext}, {/if}{/for}];

/**
 * A valid create payload per entity (the AppSpec's rules honoured), given the ids of rows created
 * before it; row n (0 unless a test creates several rows of one entity) varies the unique fields.
 */
export const SAMPLES: Record<string, (ids: Record<string, string>, n?: number) => Record<string, unknown>> = {
{#for e in app.testOrder}
  {e.name}: {e.sampleParameters} => {e.sampleLiteral},
{/for}
};

/** How many rows of each entity one test can create from SAMPLES without a unique value repeating. */
export const DISTINCT_ROWS: Record<string, number> = {
{#for e in app.testOrder}
  {e.name}: {e.distinctRows},
{/for}
};

/**
 * What on-create workflows write into a new row (setField), by entity; null marks a value known only
 * when the workflow runs (today, now, a number the API formats), which reads leave unchecked.
 */
export const ON_CREATE: Record<string, Record<string, unknown>> = {
{#for w in app.onCreateWrites}
  {w},
{/for}
};

/** A row created from a sample as reads show it once the workflows have settled. */
export function afterOnCreate(entity: string, sample: Record<string, unknown>): Record<string, unknown> {
  const row = { ...sample };
  for (const [field, value] of Object.entries(ON_CREATE[entity] ?? {})) {
    if (value === null) {
      delete row[field];
    } else {
      row[field] = value;
    }
  }
  return row;
}

/** Waits for the workflows that writes started (they run after the response). */
export async function workflowsSettled(app: INestApplication): Promise<void> {
  await app.get(WorkflowEvents).settled();
}

export async function createApp(): Promise<INestApplication> {
  const moduleRef = await Test.createTestingModule({ imports: [AppModule] }).compile();
  const app = moduleRef.createNestApplication({ logger: ['error'] });
  configureApp(app);
  await app.init();
  return app;
}

export async function closeApp(app: INestApplication): Promise<void> {
  await app.get(WorkflowEvents).settled();
  await app.close();
}

/** A bearer token as the identity provider would issue it: subject, tenant, roles, and an e-mail address when given. */
export function token(tenant: string, roles: string[], sub = 'user-1', email?: string): string {
  return 'Bearer ' + new JwtService({ secret: process.env.JWT_SECRET }).sign({ sub, tid: tenant, roles, ...(email ? { email } : {}) });
}

export function http(app: INestApplication) {
  return request(app.getHttpServer());
}

/**
 * Creates one row of every entity as the admin of a tenant; returns their ids by entity name.
 * extra adds to an entity's payload (e.g. many-to-many ids of rows created before it).
 */
export async function createAll(
  app: INestApplication,
  tenant: string,
  extra: (entity: string, ids: Record<string, string>) => Record<string, unknown> = () => ({}),
): Promise<Record<string, string>> {
  const ids: Record<string, string> = {};
  for (const entity of CREATE_ORDER) {
    const payload = { ...SAMPLES[entity](ids), ...extra(entity, ids) };
    const res = await http(app).post(ROUTES[entity]).set('Authorization', token(tenant, [ADMIN])).send(payload);
    if (res.status !== 201) {
      throw new Error(`creating ${ entity } answered ${ res.status }: ${ JSON.stringify(res.body) }`);
    }
    ids[entity] = res.body.id;
  }
  return ids;
}

/** A direct connection as the app's role, for checks below the API. */
export async function connect(): Promise<Client> {
  const client = new Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  return client;
}

/** Runs work in a transaction with the tenant setting (or none), then rolls back. */
export async function asTenant<T>(client: Client, tenant: string | null, work: () => Promise<T>): Promise<T> {
  await client.query('begin');
  try {
    if (tenant !== null) {
      await client.query("select set_config('veroforge.tenant_id', $1, true)", [tenant]);
    }
    return await work();
  } finally {
    await client.query('rollback');
  }
}
