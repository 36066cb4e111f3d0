import { INestApplication } from '@nestjs/common';
import { simpleParser } from 'mailparser';
import { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { ROLES } from '../src/auth/permissions';
import { Mailer } from '../src/workflows/mailer';
import { WorkflowEvents } from '../src/workflows/workflow-events';
import { ADMIN, CREATE_ORDER, RELATIONS, ROUTES, closeApp, createAll, createApp, http, token } from './helpers';

type Part = string | { path: string[] };

/** A mail a workflow sends when a row of its entity is created, as the AppSpec says it. */
interface Expected {
  workflow: string;
  entity: string;
  to: string | { role: string } | { path: string[] };
  subject: Part[];
  text: Part[];
}

const EXPECTED: Expected[] = [
{#for m in app.mailExpectations}
  {m},
{/for}
];

/**
 * Workflow mail over real SMTP: a local SMTP server (smtp-server) receives what nodemailer sends;
 * recipients reached through relations, a role's users (from their tokens), subject and body.
 */
describe('mail over SMTP', () => {
  const tenant = 'tenant-mail';
  const admin = token(tenant, [ADMIN]);
  const received: { from: string; to: string[]; subject: string; text: string }[] = [];
  let smtp: SMTPServer;
  let app: INestApplication;
  let ids: Record<string, string>;

  /** The value at a path from a row, following foreign keys through the API. */
  async function valueAt(entity: string, id: string, path: string[]): Promise<string> {
    let at = entity;
    let row = (await http(app).get(`${ ROUTES[at] }/${ id }`).set('Authorization', admin).expect(200)).body;
    for (const relation of path.slice(0, -1)) {
      const link = RELATIONS[at][relation];
      if (!row[link.fk]) {
        return '';
      }
      at = link.target;
      row = (await http(app).get(`${ ROUTES[at] }/${ row[link.fk] }`).set('Authorization', admin).expect(200)).body;
    }
    const value = row[path[path.length - 1]];
    return value === null || value === undefined ? '' : String(value);
  }

  async function textOf(e: Expected, parts: Part[]): Promise<string> {
    const values = await Promise.all(parts.map((p) => (typeof p === 'string' ? p : valueAt(e.entity, ids[e.entity], p.path))));
    return values.join('');
  }

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, session, callback) {
        simpleParser(stream).then(
          (mail) => {
            received.push({ from: mail.from?.text ?? '', to: session.envelope.rcptTo.map((r) => r.address), subject: mail.subject ?? '', text: mail.text ?? '' });
            callback();
          },
          (e: Error) => callback(e),
        );
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', () => resolve()));
    process.env.SMTP_HOST = '127.0.0.1';
    process.env.SMTP_PORT = String((smtp.server.address() as AddressInfo).port);
    process.env.MAIL_FROM = 'app@mail.test';
    app = await createApp();
    for (const role of ROLES) {
      // one user per role, known from their token (the answer may be 403: the guard has seen them)
      await http(app).get(ROUTES[CREATE_ORDER[0]]).set('Authorization', token(tenant, [role], `user-${ role }`, `${ role }@mail.test`));
    }
    ids = await createAll(app, tenant);
    await app.get(WorkflowEvents).settled();
    await app.get(Mailer).settled();
  });

  afterAll(async () => {
    delete process.env.SMTP_HOST;
    delete process.env.SMTP_PORT;
    delete process.env.MAIL_FROM;
    await closeApp(app);
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
  });

  it('sends from MAIL_FROM', () => {
    expect(received.length).toBeGreaterThan(0);
    expect(new Set(received.map((m) => m.from))).toEqual(new Set(['app@mail.test']));
  });

  it.each(EXPECTED.map((e, i) => [`${ e.workflow } #${ i }`, e] as const))('%s: recipient, subject and body', async (_, e) => {
    const subject = await textOf(e, e.subject);
    const text = await textOf(e, e.text);
    const recipients =
      typeof e.to === 'string'
        ? [e.to]
        : 'role' in e.to
          ? [`${ e.to.role }@mail.test`]
          : [await valueAt(e.entity, ids[e.entity], e.to.path)].filter((to) => to !== '');
    const footer = `(${ e.workflow }: ${ e.entity } ${ ids[e.entity] })`;
    const mails = received.filter((m) => m.subject === subject && m.text.startsWith(text) && m.text.includes(footer));
    expect(mails.flatMap((m) => m.to).sort()).toEqual(recipients.sort());
  });
});
