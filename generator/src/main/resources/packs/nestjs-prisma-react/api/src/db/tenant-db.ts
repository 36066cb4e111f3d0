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

/**
 * The per-request tenant context. Every query runs in a transaction that first sets
 * veroforge.tenant_id (and veroforge.user_id) for that transaction only, as bind parameters;
 * PostgreSQL's row-level security policies then show and accept only that tenant's rows.
 */
@Injectable()
export class TenantDb {
  constructor(private readonly prisma: PrismaService) {}

  run<T>(user: RequestUser, work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.prisma.$transaction(async (tx) => {
      await tx.$queryRaw`select set_config('veroforge.tenant_id', ${ user.tenantId }, true), set_config('veroforge.user_id', ${ user.sub }, true)`;
      return work(tx);
    });
  }
}
