import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../generated/prisma/client';

/** Connections per API process unless DATABASE_POOL_SIZE says otherwise (node-postgres' own default). */
export const DEFAULT_POOL_SIZE = 10;

/** The pool size from DATABASE_POOL_SIZE: a positive integer, or a clear startup error naming the variable. */
export function poolSize(value: string | undefined = process.env.DATABASE_POOL_SIZE): number {
  if (value === undefined || value.trim() === '') {
    return DEFAULT_POOL_SIZE;
  }
  const size = Number(value);
  if (!Number.isInteger(size) || size < 1) {
    throw new Error(`DATABASE_POOL_SIZE must be a positive integer (connections per API process), not '${ value }'; unset it for ${ DEFAULT_POOL_SIZE }`);
  }
  return size;
}

/** Prisma 7 with the node-postgres driver adapter: no query engine binary. */
@Injectable()
export class PrismaService extends PrismaClient implements OnModuleDestroy {
  constructor() {
    super({ adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL, max: poolSize(), keepAlive: true }) });
  }

  async onModuleDestroy(): Promise<void> {
    await this.$disconnect();
  }
}
