import { Injectable } from '@nestjs/common';
import { Prisma } from '../generated/prisma/client';
import { PrismaService } from './prisma.service';

/** Who is calling: from the verified access token. */
export interface RequestUser {
  sub: string;
  tenantId: string;
  roles: string[];
}

export type Tx = Prisma.TransactionClient;

/** What a batch of Prisma queries resolves to, element by element. */
export type Results<P extends readonly unknown[]> = { [K in keyof P]: P[K] extends PromiseLike<infer R> ? R : never };

/**
 * The per-request tenant context. Every query runs in a transaction that first sets
 * veroforge.tenant_id (and veroforge.user_id) for that transaction only, as bind parameters;
 * PostgreSQL's row-level security policies then show and accept only that tenant's rows.
 */
@Injectable()
export class TenantDb {
  constructor(private readonly prisma: PrismaService) {}

  /**
   * Queries that need no result of each other, as one batched transaction: the setting and the queries are sent together, so the connection is
   * never held idle in a transaction while node works between them (the interactive form costs a wait per query).
   */
  async batch<P extends Prisma.PrismaPromise<unknown>[]>(user: RequestUser, queries: (db: PrismaService) => [...P]): Promise<Results<P>> {
    const [, ...results] = await this.prisma.$transaction([this.setTenant(user), ...queries(this.prisma)]);
    return results as unknown as Results<P>;
  }

  /** Work that needs its own results before the next query (writes, linked rows): an interactive transaction. */
  run<T>(user: RequestUser, work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.prisma.$transaction(async (tx) => {
      await tx.$executeRaw`select set_config('veroforge.tenant_id', ${ user.tenantId }, true), set_config('veroforge.user_id', ${ user.sub }, true)`;
      return work(tx);
    });
  }

  private setTenant(user: RequestUser): Prisma.PrismaPromise<number> {
    return this.prisma.$executeRaw`select set_config('veroforge.tenant_id', ${ user.tenantId }, true), set_config('veroforge.user_id', ${ user.sub }, true)`;
  }
}
