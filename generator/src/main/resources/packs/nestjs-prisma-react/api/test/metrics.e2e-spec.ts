import { INestApplication } from '@nestjs/common';
import { AddressInfo } from 'node:net';
import { register } from 'prom-client';
import { serveMetrics } from '../src/common/metrics';
import { ADMIN, ROUTES, closeApp, createApp, http, token } from './helpers';

/** Prometheus metrics: every response counted and timed by route template, method and code, with the revision label. */
describe('metrics', () => {
  const route = ROUTES['{app.isolationEntity.name}'];
  const admin = token('tenant-metrics', [ADMIN], 'metrics-user');
  let app: INestApplication;

  beforeAll(async () => {
    app = await createApp();
  });

  afterAll(async () => {
    await closeApp(app);
  });

  function series(text: string, name: string, labels: string[]): string[] {
    return text.split('\n').filter((line) => line.startsWith(name + '{') && labels.every((l) => line.includes(l)));
  }

  it('counts responses by route template (not the raw path), method and code', async () => {
    await http(app).get(route).set('Authorization', admin).expect(200);
    await http(app).get(`${ route }/00000000-0000-4000-8000-000000000000`).set('Authorization', admin).expect(404);
    const text = await register.metrics();
    expect(series(text, 'http_requests_total', [`route="${ route }"`, 'method="GET"', 'code="200"', 'revision="'])).toHaveLength(1);
    expect(series(text, 'http_requests_total', [`route="${ route }/:id"`, 'code="404"'])).toHaveLength(1);
    expect(text).not.toContain('00000000-0000-4000-8000-000000000000');
    expect(series(text, 'http_request_duration_seconds_count', [`route="${ route }"`, 'code="200"'])).toHaveLength(1);
  });

  it('serves the text format on its own port at /metrics only', async () => {
    const server = serveMetrics(0, register);
    await new Promise((resolve) => server.once('listening', resolve));
    const port = (server.address() as AddressInfo).port;
    try {
      const res = await fetch(`http://127.0.0.1:${ port }/metrics`);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('# TYPE http_requests_total counter');
      expect((await fetch(`http://127.0.0.1:${ port }/other`)).status).toBe(404);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
