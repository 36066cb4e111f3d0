import { generateKeyPairSync } from 'node:crypto';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { INestApplication } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { ADMIN, CREATE_ORDER, ROUTES, closeApp, createApp, http } from './helpers';

const route = ROUTES[CREATE_ORDER[0]];

/** The dev sign-in (AUTH_DEV_LOGIN) issues tokens the API accepts, and is off unless switched on. */
describe('dev sign-in', () => {
  let app: INestApplication;

  afterEach(async () => {
    delete process.env.AUTH_DEV_LOGIN;
    await closeApp(app);
  });

  it('is off without AUTH_DEV_LOGIN (404) and says so in /auth/config', async () => {
    app = await createApp();
    const config = await http(app).get('/auth/config').expect(200);
    expect(config.body.devLogin).toBe(false);
    const res = await http(app).post('/auth/dev-token').send({ sub: 'alice', tenant: 'tenant-auth', roles: [ADMIN] }).expect(404);
    expect(res.body.message).toContain('AUTH_DEV_LOGIN=true');
  });

  it('with AUTH_DEV_LOGIN=true issues a token that reads the tenant\'s rows, and refuses unknown roles naming the field', async () => {
    process.env.AUTH_DEV_LOGIN = 'true';
    app = await createApp();
    expect((await http(app).get('/auth/config').expect(200)).body).toMatchObject({ devLogin: true, oidc: { issuer: null } });
    const issued = await http(app).post('/auth/dev-token').send({ sub: 'alice', tenant: 'tenant-auth', roles: [ADMIN] }).expect(201);
    expect(issued.body.tokenType).toBe('Bearer');
    const list = await http(app).get(route).set('Authorization', 'Bearer ' + issued.body.accessToken).expect(200);
    expect(list.body.items).toEqual([]);
    const bad = await http(app).post('/auth/dev-token').send({ sub: 'alice', tenant: 'tenant-auth', roles: ['no-such-role'] }).expect(400);
    expect(JSON.stringify(bad.body.message)).toContain('roles must be among');
  });
});

/** With OIDC_ISSUER, tokens of that provider are verified against its JWKS, issuer and audience. */
describe('OIDC provider tokens', () => {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = { ...publicKey.export({ format: 'jwk' }), kid: 'test-key', use: 'sig', alg: 'RS256' };
  let jwks: Server;
  let issuer: string;
  let app: INestApplication;
  const sign = (claims: Record<string, unknown>, audience = 'api://test') =>
    new JwtService().sign(claims, { privateKey: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(), algorithm: 'RS256', keyid: 'test-key', issuer, audience });

  beforeAll(async () => {
    jwks = createServer((req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
    issuer = `http://127.0.0.1:${ (jwks.address() as AddressInfo).port }`;
    Object.assign(process.env, { OIDC_ISSUER: issuer, OIDC_AUDIENCE: 'api://test', OIDC_ROLES_CLAIM: 'groups' });
    app = await createApp();
  });

  afterAll(async () => {
    await closeApp(app);
    for (const name of ['OIDC_ISSUER', 'OIDC_AUDIENCE', 'OIDC_ROLES_CLAIM']) {
      delete process.env[name];
    }
    await new Promise((resolve) => jwks.close(resolve));
  });

  it('accepts a token signed by the provider, with roles from the configured claim', async () => {
    const token = sign({ sub: 'oidc-user', tid: 'tenant-oidc', groups: [ADMIN] });
    await http(app).get(route).set('Authorization', 'Bearer ' + token).expect(200);
  });

  it('refuses a token for another audience or from an unknown key (401)', async () => {
    await http(app).get(route).set('Authorization', 'Bearer ' + sign({ sub: 'oidc-user', tid: 'tenant-oidc', groups: [ADMIN] }, 'api://other')).expect(401);
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    const forged = new JwtService().sign({ sub: 'x', tid: 'tenant-oidc', groups: [ADMIN] }, { privateKey: other, algorithm: 'RS256', keyid: 'test-key', issuer, audience: 'api://test' });
    await http(app).get(route).set('Authorization', 'Bearer ' + forged).expect(401);
  });
});
