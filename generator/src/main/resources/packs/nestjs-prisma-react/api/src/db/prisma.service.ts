import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../generated/prisma/client';

/** Connections per API process unless DATABASE_POOL_SIZE says otherwise (node-postgres' own default). */
export const DEFAULT_POOL_SIZE = 10;
/** How long a write transaction may run, and wait for a connection, unless DATABASE_TX_TIMEOUT_MS / DATABASE_TX_MAX_WAIT_MS say otherwise (Prisma's defaults). */
export const DEFAULT_TX_TIMEOUT_MS = 5000;
export const DEFAULT_TX_MAX_WAIT_MS = 2000;

/** A positive integer setting: the default when unset, or a clear startup error naming the variable and the fix. */
export function positiveSetting(name: string, value: string | undefined, fallback: number, unit: string): number {
  if (value === undefined || value.trim() === '') {
    return fallback;
  }
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) {
    throw new Error(`${ name } must be a positive integer (${ unit }), not '${ value }'; unset it for ${ fallback }`);
  }
  return n;
}

/** The pool size from DATABASE_POOL_SIZE. */
export function poolSize(value: string | undefined = process.env.DATABASE_POOL_SIZE): number {
  return positiveSetting('DATABASE_POOL_SIZE', value, DEFAULT_POOL_SIZE, 'connections per API process');
}

/** The limits of an interactive (write) transaction: a slow database or a loaded node answers 500 P2028 beyond them. */
export function transactionLimits(env: NodeJS.ProcessEnv = process.env): { timeout: number; maxWait: number } {
  return {
    timeout: positiveSetting('DATABASE_TX_TIMEOUT_MS', env.DATABASE_TX_TIMEOUT_MS, DEFAULT_TX_TIMEOUT_MS, 'milliseconds'),
    maxWait: positiveSetting('DATABASE_TX_MAX_WAIT_MS', env.DATABASE_TX_MAX_WAIT_MS, DEFAULT_TX_MAX_WAIT_MS, 'milliseconds'),
  };
}

/** Prisma 7 with the node-postgres driver adapter: no query engine binary. */
@Injectable()
export class PrismaService extends PrismaClient implements OnModuleDestroy {
  constructor() {
    super({
      adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL, max: poolSize(), keepAlive: true }),
      transactionOptions: transactionLimits(),
    });
  }

  async onModuleDestroy(): Promise<void> {
    await this.$disconnect();
  }
}
