import { {#if e.manyToMany || !e.searchFields}BadRequestException, {/if}{#if e.manyToMany}ForbiddenException, {/if}Injectable, NotFoundException } from '@nestjs/common';
{#if e.manyToMany || e.hasOwner}
import { {#if e.manyToMany}EntityName, {/if}allows } from '../auth/permissions';
{/if}
{#if e.manyToMany}
import { groupBy } from '../common/group-by';
{/if}
import { Page, countTake, pageOf, paging, sorting } from '../common/pagination';
{#if e.hasDates}
import { toDate } from '../common/validators';
{/if}
{#if e.encrypted}
import { FieldCipher{#if e.decryptsTypedValues}, fromText{/if} } from '../db/field-cipher';
{/if}
import { RequestUser, TenantDb, Tx } from '../db/tenant-db';
import { Prisma, {e.names.pascal} as {e.rowType} } from '../generated/prisma/client';
import { WorkflowEvents } from '../workflows/workflow-events';
import { Create{e.names.pascal}Dto, List{e.names.pluralPascal}Query, Update{e.names.pascal}Dto, {e.names.pascal}View{#if e.selfLinked}, present{e.names.pascal}Summary{/if} } from './{e.names.kebab}.dto';
{#for t in e.linkedTargets}
import { present{t.pascal}Summary } from '../{t.kebab}/{t.kebab}.dto';
{/for}

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
{#if e.encrypted}
    private readonly cipher: FieldCipher,
{/if}
    private readonly events: WorkflowEvents,
  ) {}

  {#if !e.readsInteractively}async {/if}list(user: RequestUser, query: List{e.names.pluralPascal}Query): Promise<Page<{e.names.pascal}View>> {
    const paged = paging(query);
    const mode = query.count ?? 'estimated';
    const where: Prisma.{e.names.pascal}WhereInput = {#if e.hasOwner}{ ...this.scope(user, 'read') }{#else}{}{/if};
{#for f in e.filterFields}
    if (query.{f.property} !== undefined) where.{f.property} = query.{f.property};
{/for}
{#for r in e.foreignKeys}
    if (query.{r.fkProperty} !== undefined) where.{r.fkProperty} = query.{r.fkProperty};
{/for}
{#if e.searchFields}
    if (query.q) {
      // Prisma binds q as a parameter (ILIKE '%' || $1 || '%'): never part of the SQL text
      where.OR = [
{#for f in e.searchFields}
        { {f.property}: { contains: query.q, mode: 'insensitive' } },
{/for}
      ];
    }
{#else}
    if (query.q) {
      throw new BadRequestException('q: {e.label} has no text field to search; leave q out');
    }
{/if}
    const window = { where, orderBy: sorting(query.sort, SORT_KEYS), skip: paged.skip, take: paged.take, cursor: paged.cursor };
{#if e.readsInteractively}
    return this.db.run(user, async (tx) => {
      const rows = await tx.{e.names.camel}.findMany(window);
      const counted = await tx.{e.names.camel}.count({ where, take: countTake(mode) });
      const page = await pageOf(rows, paged, mode, counted, (shown) => this.presentAll(tx, shown{#if e.manyToMany}, this.includes(user, query.include){/if}));
{#if e.auditReads}
      await this.audit(tx, page.items.map((r) => r.id), 'read');
{/if}
      return page;
    });
{#else}
    // one batched transaction: the page, and the count a UI needs (capped unless count=exact; nothing read for count=none)
    const [rows, counted] = await this.db.batch(user, (db) => [
      db.{e.names.camel}.findMany(window),
      db.{e.names.camel}.count({ where, take: countTake(mode) }),
    ]);
    return pageOf(rows, paged, mode, counted, (shown) => this.presentAll(undefined, shown));
{/if}
  }

  {#if !e.readsInteractively}async {/if}get(user: RequestUser, id: string{#if e.manyToMany}, include: string[] = []{/if}): Promise<{e.names.pascal}View> {
{#if e.readsInteractively}
    return this.db.run(user, async (tx) => {
      const row = await tx.{e.names.camel}.findFirst({ where: { id{#if e.hasOwner}, ...this.scope(user, 'read'){/if} } });
      if (!row) {
        throw new NotFoundException(`{e.label} ${ id } not found`);
      }
{#if e.auditReads}
      await this.audit(tx, [row.id], 'read');
{/if}
      return this.present(tx, row{#if e.manyToMany}, this.includes(user, include){/if});
    });
{#else}
    const [row] = await this.db.batch(user, (db) => [db.{e.names.camel}.findFirst({ where: { id{#if e.hasOwner}, ...this.scope(user, 'read'){/if} } })]);
    if (!row) {
      throw new NotFoundException(`{e.label} ${ id } not found`);
    }
    return this.present(undefined, row);
{/if}
  }

  async create(user: RequestUser, dto: Create{e.names.pascal}Dto): Promise<{e.names.pascal}View> {
{#if e.readsInteractively}
    const view = await this.db.run(user, async (tx) => {
      const row = await tx.{e.names.camel}.create({
        data: { ...{#if e.encrypted}(await this.data(tx, dto)){#else}this.data(dto){/if}, tenantId: user.tenantId,{#if e.hasOwner} {e.ownerProperty}: user.sub,{/if} createdBy: user.sub, updatedBy: user.sub } as Prisma.{e.names.pascal}UncheckedCreateInput,
      });
{#for r in e.manyToMany}
      if (dto.{r.idsProperty} !== undefined) {
        await this.replace{r.pascalName}(tx, row.id, dto.{r.idsProperty});
      }
{/for}
      return this.present(tx, row);
    });
{#else}
    const data = { ...this.data(dto), tenantId: user.tenantId,{#if e.hasOwner} {e.ownerProperty}: user.sub,{/if} createdBy: user.sub, updatedBy: user.sub } as Prisma.{e.names.pascal}UncheckedCreateInput;
    const [row] = await this.db.batch(user, (db) => [db.{e.names.camel}.create({ data })]);
    const view = await this.present(undefined, row);
{/if}
    this.events.emit({ type: 'created', entity: '{e.name}', id: view.id, user, before: null, after: view });
    return view;
  }

  async update(user: RequestUser, id: string, dto: Update{e.names.pascal}Dto): Promise<{e.names.pascal}View> {
{#if e.readsInteractively}
    const [before, after] = await this.db.run(user, async (tx) => {
      const existing = await tx.{e.names.camel}.findFirst({ where: { id{#if e.hasOwner}, ...this.scope(user, 'update'){/if} } });
      if (!existing) {
        throw new NotFoundException(`{e.label} ${ id } not found`);
      }
      const previous = await this.present(tx, existing);
      const row = await tx.{e.names.camel}.update({
        where: { id },
        data: { ...{#if e.encrypted}(await this.data(tx, dto)){#else}this.data(dto){/if}, updatedBy: user.sub } as Prisma.{e.names.pascal}UncheckedUpdateInput,
      });
{#for r in e.manyToMany}
      if (dto.{r.idsProperty} !== undefined) {
        await this.replace{r.pascalName}(tx, id, dto.{r.idsProperty});
      }
{/for}
      return [previous, await this.present(tx, row)];
    });
{#else}
    const data = { ...this.data(dto), updatedBy: user.sub } as Prisma.{e.names.pascal}UncheckedUpdateInput;
    const where: Prisma.{e.names.pascal}WhereUniqueInput = { id{#if e.hasOwner}, AND: [this.scope(user, 'update')]{/if} };
    let rows: [{e.rowType} | null, {e.rowType}];
    try {
      // the row before and after in one batched transaction; an invisible row fails the update (P2025), nothing changes
      rows = await this.db.batch(user, (db) => [db.{e.names.camel}.findFirst({ where }), db.{e.names.camel}.update({ where, data })]);
    } catch (error) {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2025') {
        throw new NotFoundException(`{e.label} ${ id } not found`);
      }
      throw error;
    }
    const before = await this.present(undefined, rows[0] as {e.rowType});
    const after = await this.present(undefined, rows[1]);
{/if}
    this.events.emit({ type: 'updated', entity: '{e.name}', id, user, before, after });
    return after;
  }

  async remove(user: RequestUser, id: string): Promise<void> {
    await this.db.run(user, async (tx) => {
      const deleted = await tx.{e.names.camel}.deleteMany({ where: { id{#if e.hasOwner}, ...this.scope(user, 'delete'){/if} } });
      if (deleted.count === 0) {
        throw new NotFoundException(`{e.label} ${ id } not found`);
      }
    });
  }

{#for r in e.manyToMany}

  /** Links {e.label} id to {r.target.pascal} linkedId (404 unless both are visible; linking twice is a no-op). */
  async link{r.pascalName}(user: RequestUser, id: string, linkedId: string): Promise<void> {
    await this.db.run(user, async (tx) => {
      await this.mustSee(tx, user, id);
      if (!(await tx.{r.target.camel}.findFirst({ where: { id: linkedId }, select: { id: true } }))) {
        throw new NotFoundException(`{r.target.pascal} ${ linkedId } not found`);
      }
      await tx.{r.joinAccessor}.createMany({ data: [{ {r.selfJoinProperty}: id, {r.otherJoinProperty}: linkedId }], skipDuplicates: true });
    });
  }

  async unlink{r.pascalName}(user: RequestUser, id: string, linkedId: string): Promise<void> {
    await this.db.run(user, async (tx) => {
      await this.mustSee(tx, user, id);
      const removed = await tx.{r.joinAccessor}.deleteMany({ where: { {r.selfJoinProperty}: id, {r.otherJoinProperty}: linkedId } });
      if (removed.count === 0) {
        throw new NotFoundException(`{e.label} ${ id } is not linked to {r.target.pascal} ${ linkedId }`);
      }
    });
  }

  /** Makes the links of {r.name} exactly these rows; ids not visible in the tenant are refused (400), nothing changed. */
  private async replace{r.pascalName}(tx: Tx, id: string, ids: string[]): Promise<void> {
    const wanted = [...new Set(ids)];
    const found = await tx.{r.target.camel}.findMany({ where: { id: { in: wanted } }, select: { id: true } });
    const missing = wanted.filter((w) => !found.some((f) => f.id === w));
    if (missing.length > 0) {
      throw new BadRequestException(`{r.idsProperty}: no {r.target.pascal} ${ missing.join(', ') } in this tenant`);
    }
    await tx.{r.joinAccessor}.deleteMany({ where: { {r.selfJoinProperty}: id } });
    await tx.{r.joinAccessor}.createMany({ data: wanted.map((linked) => ({ {r.selfJoinProperty}: id, {r.otherJoinProperty}: linked })) });
  }
{/for}
{#if e.manyToMany}

  private async mustSee(tx: Tx, {#if e.hasOwner}user{#else}_user{/if}: RequestUser, id: string): Promise<void> {
    if (!(await tx.{e.names.camel}.findFirst({ where: { id{#if e.hasOwner}, ...this.scope(user, 'update'){/if} }, select: { id: true } }))) {
      throw new NotFoundException(`{e.label} ${ id } not found`);
    }
  }

  /** ?include= values the caller may see: linked rows need read on all rows of their entity. */
  private includes(user: RequestUser, include: string[] | undefined): string[] {
    const targets: Record<string, EntityName> = { {#for r in e.manyToMany}{r.name}: '{r.relation.target}'{#if r_hasNext}, {/if}{/for} };
    for (const name of include ?? []) {
      if (allows(user.roles, targets[name], 'read') !== 'all') {
        throw new ForbiddenException(`include=${ name } needs read on every ${ targets[name] } row`);
      }
    }
    return include ?? [];
  }
{/if}

{#if e.hasOwner}
  /** Rows the caller may touch for an action: all of the tenant's, or only their own. */
  private scope(user: RequestUser, action: 'read' | 'update' | 'delete'): Prisma.{e.names.pascal}WhereInput {
    return allows(user.roles, '{e.name}', action) === 'own' ? { {e.ownerProperty}: user.sub } : {};
  }

{/if}
{#if e.encrypted}
  /** The DTO as Prisma data: dates parsed, PHI encrypted with pgcrypto; null clears an optional field. */
  private async data(tx: Tx, dto: Partial<Create{e.names.pascal}Dto>): Promise<Record<string, unknown>> {
    return {
{#for f in e.fields}
      {f.property}: {f.dto.writeExpression},
{/for}
{#for r in e.foreignKeys}
      {r.fkProperty}: dto.{r.fkProperty},
{/for}
    };
  }
{#else}
  /** The DTO as Prisma data{#if e.hasDates}: dates parsed{/if}; null clears an optional field. */
  private data(dto: Partial<Create{e.names.pascal}Dto>): Record<string, unknown> {
    return {
{#for f in e.fields}
      {f.property}: {f.dto.writeExpression},
{/for}
{#for r in e.foreignKeys}
      {r.fkProperty}: dto.{r.fkProperty},
{/for}
    };
  }
{/if}

  /** A row as the API shows it (the GDPR export uses it too). */
  async present(tx: {#if e.readsInteractively}Tx{#else}Tx | undefined{/if}, row: {e.rowType}{#if e.manyToMany}, include: string[] = []{/if}): Promise<{e.names.pascal}View> {
    return (await this.presentAll(tx, [row]{#if e.manyToMany}, include{/if}))[0];
  }

  /** Rows as the API shows them{#if e.manyToMany}, their links read in one query per relation for all of them (no query per row){/if}. */
  {#if e.presentsAsync}async {/if}presentAll({#if e.presentsAsync}tx{#else}_tx{/if}: {#if e.readsInteractively}Tx{#else}Tx | undefined{/if}, rows: {e.rowType}[]{#if e.manyToMany}, include: string[] = []{/if}): Promise<{e.names.pascal}View[]> {
{#if e.manyToMany}
    const ids = rows.map((row) => row.id);
{#for r in e.manyToMany}
    const {r.idsProperty}ByRow = groupBy(
      await tx.{r.joinAccessor}.findMany({ where: { {r.selfJoinProperty}: { in: ids } }, select: { {r.selfJoinProperty}: true, {r.otherJoinProperty}: true }, orderBy: { {r.otherJoinProperty}: 'asc' } }),
      (link) => link.{r.selfJoinProperty},
      (link) => link.{r.otherJoinProperty},
    );
    const {r.name}ByRow = include.includes('{r.name}')
      ? groupBy(
          await tx.{r.joinAccessor}.findMany({ where: { {r.selfJoinProperty}: { in: ids } }, include: { {r.otherJoinRelation}: true } }),
          (link) => link.{r.selfJoinProperty},
          (link) => present{r.target.pascal}Summary(link.{r.otherJoinRelation}),
        )
      : undefined;
{/for}
{/if}
    const views: {e.names.pascal}View[] = [];
    for (const row of rows) {
      const view: {e.names.pascal}View = {
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
{#for r in e.manyToMany}
        {r.idsProperty}: {r.idsProperty}ByRow.get(row.id) ?? [],
{/for}
        createdAt: row.createdAt.toISOString(),
        updatedAt: row.updatedAt.toISOString(),
      };
{#for r in e.manyToMany}
      if ({r.name}ByRow) {
        view.{r.name} = {r.name}ByRow.get(row.id) ?? [];
      }
{/for}
      views.push(view);
    }
    return {#if e.presentsAsync}views{#else}Promise.resolve(views){/if};
  }
{#if e.auditReads}

  private async audit(tx: Tx, ids: string[], action: 'read'): Promise<void> {
    if (ids.length > 0) {
      await tx.auditLog.createMany({ data: ids.map((rowId) => ({ tableName: '{e.names.table}', rowId, action })) });
    }
  }
{/if}
}
