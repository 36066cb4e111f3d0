import 'reflect-metadata';
import cluster from 'node:cluster';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AggregatorRegistry, register } from 'prom-client';
import { AppModule } from './app.module';
import { metricsPort, serveMetrics } from './common/metrics';
import { configureApp, warnAboutUnfilledGaps } from './setup';

/** Longer than the idle timeout of the load balancers in front (60 s is common), so they never reuse a closed socket. */
const DEFAULT_KEEP_ALIVE_MS = 65_000;

function positiveInteger(name: string, fallback: number): number {
  const value = process.env[name];
  if (value === undefined || value.trim() === '') {
    return fallback;
  }
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) {
    throw new Error(`${ name } must be a positive integer, not '${ value }'; unset it for ${ fallback }`);
  }
  return n;
}

async function bootstrap(): Promise<void> {
  const app = await NestFactory.create(AppModule);
  configureApp(app);
  if (!cluster.isWorker) {
    warnAboutUnfilledGaps();
  }
  const server = await app.listen(Number(process.env.PORT ?? 3000));
  const keepAlive = positiveInteger('KEEP_ALIVE_TIMEOUT_MS', DEFAULT_KEEP_ALIVE_MS);
  server.keepAliveTimeout = keepAlive;
  server.headersTimeout = keepAlive + 1_000;
}

/**
 * API_WORKERS processes share the port through node's cluster module (default 1: in Kubernetes the replicas
 * and the HorizontalPodAutoscaler add processes; raise it where one pod should use several cores). A worker
 * that dies is replaced, unless it died within 10 s of starting: then the primary exits and the platform's
 * restart back-off applies, instead of a fork loop.
 */
function start(): void {
  const workers = positiveInteger('API_WORKERS', 1);
  const port = metricsPort();
  if (workers === 1) {
    serveMetrics(port, register);
    void bootstrap();
    return;
  }
  if (cluster.isWorker) {
    void bootstrap();
    return;
  }
  const log = new Logger('Cluster');
  const started = new Map<number, number>();
  const fork = () => {
    const worker = cluster.fork();
    started.set(worker.id, Date.now());
  };
  cluster.on('exit', (worker, code, signal) => {
    const lived = Date.now() - (started.get(worker.id) ?? 0);
    started.delete(worker.id);
    if (lived < 10_000) {
      log.error(`worker ${ worker.process.pid } died ${ lived } ms after starting (${ signal ?? code }): stopping`);
      process.exit(1);
    }
    log.warn(`worker ${ worker.process.pid } died (${ signal ?? code }): starting another`);
    fork();
  });
  for (let i = 0; i < workers; i++) {
    fork();
  }
  serveMetrics(port, new AggregatorRegistry());
}

start();
