import { Injectable, NotFoundException } from '@nestjs/common';
import { allows } from '../auth/permissions';
import { Page, paging, sorting } from '../common/pagination';
import { toDate } from '../common/validators';
import { FieldCipher, fromText } from '../db/field-cipher';
import { RequestUser, TenantDb, Tx } from '../db/tenant-db';
import { Prisma, {e.names.pascal} } from '../generated/prisma/client';
import { WorkflowEvents } from '../workflows/workflow-events';
import { Create{e.names.pascal}Dto, List{e.names.pluralPascal}Query, Update{e.names.pascal}Dto, {e.names.pascal}View } from './{e.names.kebab}.dto';

const SORT_KEYS = {e.sortKeysLiteral};

/**
 * {e.description}. Every method runs in one tenant transaction (row-level security);
{#if e.hasOwner}
 * roles granted only their own rows see and change rows whose {e.ownerProperty} is the caller.
{/if}
{#if e.auditReads}
 * Reads are written to the audit log (writes are logged by a database trigger).
{/if}
 */
@Injectable()
export class {e.names.pascal}Service {
  constructor(
    private readonly db: TenantDb,
    private readonly cipher: FieldCipher,
    private readonly events: WorkflowEvents,
  ) {}

  async list(user: RequestUser, query: List{e.names.pluralPascal}Query): Promise<Page<{e.names.pascal}View>> {
    const { skip, take, page, pageSize } = paging(query);
    const where: Prisma.{e.names.pascal}WhereInput = { ...this.scope(user, 'read') };
{#for f in e.filterFields}
    if (query.{f.property} !== undefined) where.{f.property} = query.{f.property};
{/for}
{#for r in e.foreignKeys}
    if (query.{r.fkProperty} !== undefined) where.{r.fkProperty} = query.{r.fkProperty};
{/for}
{#if e.searchFields}
    if (query.q) {
      where.OR = [
{#for f in e.searchFields}
        { {f.property}: { contains: query.q, mode: 'insensitive' } },
{/for}
      ];
    }
{/if}
    return this.db.run(user, async (tx) => {
      const rows = await tx.{e.names.camel}.findMany({ where, orderBy: sorting(query.sort, SORT_KEYS), skip, take });
      const total = await tx.{e.names.camel}.count({ where });
      const items: {e.names.pascal}View[] = [];
      for (const row of rows) {
        items.push(await this.present(tx, row));
      }
{#if e.auditReads}
      await this.audit(tx, rows.map((r) => r.id), 'read');
{/if}
      return { items, total, page, pageSize };
    });
  }

  async get(user: RequestUser, id: string): Promise<{e.names.pascal}View> {
    return this.db.run(user, async (tx) => {
      const row = await tx.{e.names.camel}.findFirst({ where: { id, ...this.scope(user, 'read') } });
      if (!row) {
        throw new NotFoundException(`{e.label} ${ id } not found`);
      }
{#if e.auditReads}
      await this.audit(tx, [row.id], 'read');
{/if}
      return this.present(tx, row);
    });
  }

  async create(user: RequestUser, dto: Create{e.names.pascal}Dto): Promise<{e.names.pascal}View> {
    const view = await this.db.run(user, async (tx) => {
      const row = await tx.{e.names.camel}.create({
        data: { ...(await this.data(tx, dto)), tenantId: user.tenantId,{#if e.hasOwner} {e.ownerProperty}: user.sub,{/if} createdBy: user.sub, updatedBy: user.sub } as Prisma.{e.names.pascal}UncheckedCreateInput,
      });
      return this.present(tx, row);
    });
    this.events.emit({ type: 'created', entity: '{e.name}', id: view.id, user, before: null, after: view });
    return view;
  }

  async update(user: RequestUser, id: string, dto: Update{e.names.pascal}Dto): Promise<{e.names.pascal}View> {
    const [before, after] = await this.db.run(user, async (tx) => {
      const existing = await tx.{e.names.camel}.findFirst({ where: { id, ...this.scope(user, 'update') } });
      if (!existing) {
        throw new NotFoundException(`{e.label} ${ id } not found`);
      }
      const previous = await this.present(tx, existing);
      const row = await tx.{e.names.camel}.update({
        where: { id },
        data: { ...(await this.data(tx, dto)), updatedBy: user.sub } as Prisma.{e.names.pascal}UncheckedUpdateInput,
      });
      return [previous, await this.present(tx, row)];
    });
    this.events.emit({ type: 'updated', entity: '{e.name}', id, user, before, after });
    return after;
  }

  async remove(user: RequestUser, id: string): Promise<void> {
    await this.db.run(user, async (tx) => {
      const deleted = await tx.{e.names.camel}.deleteMany({ where: { id, ...this.scope(user, 'delete') } });
      if (deleted.count === 0) {
        throw new NotFoundException(`{e.label} ${ id } not found`);
      }
    });
  }
{#if e.eraseEndpoint}

  async erase(user: RequestUser, id: string): Promise<{e.names.pascal}View> {
    return this.db.run(user, async (tx) => {
      const existing = await tx.{e.names.camel}.findFirst({ where: { id, ...this.scope(user, 'update') } });
      if (!existing) {
        throw new NotFoundException(`{e.label} ${ id } not found`);
      }
      const row = await tx.{e.names.camel}.update({
        where: { id },
        data: { {#for f in e.erasableFields}{f.property}: null, {/for}updatedBy: user.sub },
      });
      return this.present(tx, row);
    });
  }
{/if}

  /** Rows the caller may touch for an action: all of the tenant's, or{#if e.hasOwner} only their own{#else} (no owner column) all{/if}. */
  private scope(user: RequestUser, action: 'read' | 'update' | 'delete'): Prisma.{e.names.pascal}WhereInput {
{#if e.hasOwner}
    return allows(user.roles, '{e.name}', action) === 'own' ? { {e.ownerProperty}: user.sub } : {};
{#else}
    void allows(user.roles, '{e.name}', action);
    return {};
{/if}
  }

  /** The DTO as Prisma data: dates parsed{#if e.encrypted}, PHI encrypted with pgcrypto{/if}. */
  private async data(tx: Tx, dto: Partial<Create{e.names.pascal}Dto>): Promise<Record<string, unknown>> {
    void tx;
    return {
{#for f in e.fields}
      {f.property}: {f.dto.writeExpression},
{/for}
{#for r in e.foreignKeys}
      {r.fkProperty}: dto.{r.fkProperty},
{/for}
    };
  }

  private async present(tx: Tx, row: {e.names.pascal}): Promise<{e.names.pascal}View> {
    void tx;
    return {
      id: row.id,
{#for f in e.fields}
      {f.property}: {f.dto.readExpression},
{/for}
{#for r in e.foreignKeys}
      {r.fkProperty}: row.{r.fkProperty},
{/for}
{#if e.hasOwner}
      {e.ownerProperty}: row.{e.ownerProperty},
{/if}
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
    };
  }
{#if e.auditReads}

  private async audit(tx: Tx, ids: string[], action: 'read'): Promise<void> {
    if (ids.length > 0) {
      await tx.auditLog.createMany({ data: ids.map((rowId) => ({ tableName: '{e.names.table}', rowId, action })) });
    }
  }
{/if}
}
