import { Injectable } from '@nestjs/common';
import { RequestUser, TenantDb, Tx } from '../db/tenant-db';

/**
 * The users of each tenant as their tokens describe them (subject, e-mail claim, roles), kept in
 * table directory_users (row-level security per tenant): whom a notification to a role reaches.
 * Written when a token is first seen with new claims, so the identity provider stays the source.
 */
@Injectable()
export class UserDirectory {
  private readonly seen = new Set<string>();

  constructor(private readonly db: TenantDb) {}

  async remember(user: RequestUser, email: string | null): Promise<void> {
    const key = JSON.stringify([user.tenantId, user.sub, email, user.roles]);
    if (this.seen.has(key)) {
      return;
    }
    await this.db.run(user, (tx) =>
      tx.directoryUser.upsert({
        where: { tenantId_subject: { tenantId: user.tenantId, subject: user.sub } },
        create: { tenantId: user.tenantId, subject: user.sub, email, roles: user.roles },
        update: { email, roles: user.roles, seenAt: new Date() },
      }),
    );
    if (this.seen.size > 10_000) {
      this.seen.clear();
    }
    this.seen.add(key);
  }

  async emailsWithRole(tx: Tx, role: string): Promise<string[]> {
    const users = await tx.directoryUser.findMany({ where: { roles: { has: role }, email: { not: null } }, select: { email: true }, orderBy: { subject: 'asc' } });
    return users.flatMap((u) => (u.email ? [u.email] : []));
  }
}
