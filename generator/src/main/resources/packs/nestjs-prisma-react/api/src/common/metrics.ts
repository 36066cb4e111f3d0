import { createServer, Server } from 'node:http';
import { NextFunction, Request, Response } from 'express';
import { AggregatorRegistry, Counter, Histogram, Registry, collectDefaultMetrics, register } from 'prom-client';

/** The app revision every series is labelled with: VEROFORGE_REVISION, set by the deployment (the canary compares revisions). */
export const REVISION = process.env.VEROFORGE_REVISION || 'unknown';
/** Where Prometheus scrapes (not the API port: the API may be public, its metrics are not). */
export const DEFAULT_METRICS_PORT = 9464;

// the default registry: in a node cluster the primary aggregates the workers' default registries
register.setDefaultLabels({ revision: REVISION });
collectDefaultMetrics();

const LABELS = ['route', 'method', 'code'] as const;
const requests = new Counter({ name: 'http_requests_total', help: 'HTTP requests answered, by route template, method and status code', labelNames: LABELS });
const duration = new Histogram({
  name: 'http_request_duration_seconds',
  help: 'Time from request to response, by route template, method and status code',
  labelNames: LABELS,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
});

/**
 * Express middleware counting and timing every response. The route label is the matched route's template
 * (/widgets/:id), never the raw path, so ids do not explode the series; requests no route matched are 'unmatched'.
 */
export function recordRequests(req: Request, res: Response, next: NextFunction): void {
  const end = duration.startTimer();
  res.on('finish', () => {
    const route = req.route ? req.baseUrl + String(req.route.path) : 'unmatched';
    const labels = { route, method: req.method, code: String(res.statusCode) };
    requests.inc(labels);
    end(labels);
  });
  next();
}

/** The port of METRICS_PORT, or a clear error naming it. */
export function metricsPort(value: string | undefined = process.env.METRICS_PORT): number {
  if (value === undefined || value.trim() === '') {
    return DEFAULT_METRICS_PORT;
  }
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`METRICS_PORT must be a TCP port (1-65535), not '${ value }'; unset it for ${ DEFAULT_METRICS_PORT }`);
  }
  return port;
}

/** GET /metrics in the Prometheus text format: this process's registry, or the sum over a cluster's workers. */
export function serveMetrics(port: number, source: Registry): Server {
  const server = createServer((req, res) => {
    if (req.method !== 'GET' || req.url?.split('?')[0] !== '/metrics') {
      res.writeHead(404).end();
      return;
    }
    const text = source instanceof AggregatorRegistry ? source.clusterMetrics() : source.metrics();
    text.then(
      (body) => res.writeHead(200, { 'content-type': source.contentType }).end(body),
      (error: Error) => res.writeHead(500, { 'content-type': 'text/plain' }).end(`metrics unavailable: ${ error.message }`),
    );
  });
  return server.listen(port);
}
