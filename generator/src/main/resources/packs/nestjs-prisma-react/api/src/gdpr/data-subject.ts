import { Controller, ForbiddenException, Get, HttpCode, Injectable, NotFoundException, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Requires } from '../auth/auth';
import { Action, EntityName, allows } from '../auth/permissions';
import { RequestUser, TenantDb, Tx } from '../db/tenant-db';
import { {s.subject.names.pascal}Service } from '../{s.subject.names.kebab}/{s.subject.names.kebab}.service';
{#for step in s.steps}
import { {step.entity.names.pascal}Service } from '../{step.entity.names.kebab}/{step.entity.names.kebab}.service';
{/for}
import type { DataSubjectErasure, DataSubjectExport } from './gdpr.module';

/** Entities the export reads and the erase writes: the caller needs the action on all their rows. */
const ENTITIES: EntityName[] = {s.entityNamesLiteral};

/**
 * GDPR for a {s.subject.label}: everything stored about them (their row and the rows that reference it,
 * following foreign keys{#for step in s.steps}, {step.entity.name}{/for}) as one document, and erasure of the personal
 * fields across those rows. Financial records are kept unchanged: bookkeeping and tax law require them.
 */
@Injectable()
export class {s.className} {
  constructor(
    private readonly db: TenantDb,
    private readonly {s.subject.names.pluralCamel}: {s.subject.names.pascal}Service,
{#for step in s.steps}
    private readonly {step.serviceProperty}: {step.entity.names.pascal}Service,
{/for}
  ) {}

  export(user: RequestUser, id: string): Promise<DataSubjectExport> {
    mayOnAll(user, 'read');
    return this.db.run(user, async (tx) => {
      const rows = await this.collect(tx, id);
      const data: Record<string, unknown[]> = {};
      data['{s.subject.name}'] = [await this.{s.subject.names.pluralCamel}.present(tx, rows.subjectRows[0])];
{#for step in s.steps}
      data['{step.entity.name}'] = [];
      for (const row of rows.{step.variable}) {
        data['{step.entity.name}'].push(await this.{step.serviceProperty}.present(tx, row));
      }
{/for}
      return { subject: { entity: '{s.subject.name}', id }, exportedAt: new Date().toISOString(), data };
    });
  }

  erase(user: RequestUser, id: string): Promise<DataSubjectErasure> {
    mayOnAll(user, 'update');
    return this.db.run(user, async (tx) => {
      {#if s.eraseUsesRows}const rows = {/if}await this.collect(tx, id); // 404 unless the subject is visible
      const erased: Record<string, string[]> = {};
      const kept: DataSubjectErasure['kept'] = [];
{#if s.subjectFinancial}
      kept.push({ entity: '{s.subject.name}', ids: [id], reason: {s.financialReason} });
{#else}
{#if s.subjectErased}
      for (const row of rows.subjectRows) {
        await tx.{s.subject.names.camel}.update({ where: { id: row.id }, data: { {#for f in s.subjectErasures}{#if !f.kept}{f.property}: {f.value}, {/if}{/for}updatedBy: user.sub } });
      }
{/if}
      erased['{s.subject.name}'] = [id];
{#for f in s.subjectErasures}
{#if f.kept}
      kept.push({ entity: '{s.subject.name}', field: '{f.property}', ids: [id], reason: {f.reasonLiteral} });
{/if}
{/for}
{/if}
{#for step in s.steps}
{#if step.financial}
      kept.push({ entity: '{step.entity.name}', ids: rows.{step.variable}.map((r) => r.id), reason: {step.financialReason} });
{#else}
{#if step.anyErased}
      for (const row of rows.{step.variable}) {
        await tx.{step.entity.names.camel}.update({ where: { id: row.id }, data: { {#for f in step.erasures}{#if !f.kept}{f.property}: {f.value}, {/if}{/for}updatedBy: user.sub } });
      }
{/if}
      erased['{step.entity.name}'] = rows.{step.variable}.map((r) => r.id);
{#for f in step.erasures}
{#if f.kept}
      kept.push({ entity: '{step.entity.name}', field: '{f.property}', ids: rows.{step.variable}.map((r) => r.id), reason: {f.reasonLiteral} });
{/if}
{/for}
{/if}
{/for}
      return { subject: { entity: '{s.subject.name}', id }, erased, kept };
    });
  }

  /** The subject's row and, entity by entity, the rows that reference rows found before. */
  private async collect(tx: Tx, id: string) {
    const subjectRows = await tx.{s.subject.names.camel}.findMany({ where: { id } });
    if (subjectRows.length === 0) {
      throw new NotFoundException(`{s.subject.label} ${ id } not found`);
    }
{#for step in s.steps}
    const {step.variable} = await tx.{step.entity.names.camel}.findMany({ where: {step.whereLiteral}, orderBy: { createdAt: 'asc' } });
{/for}
    return { subjectRows{#for step in s.steps}, {step.variable}{/for} };
  }
}

function mayOnAll(user: RequestUser, action: Action): void {
  const missing = ENTITIES.filter((entity) => allows(user.roles, entity, action) !== 'all');
  if (missing.length > 0) {
    throw new ForbiddenException(`this needs ${ action } on every row of ${ missing.join(', ') }`);
  }
}

@ApiTags('{s.subject.names.pluralKebab}')
@ApiBearerAuth()
@Controller('{s.subject.names.pluralKebab}')
export class {s.className}Controller {
  constructor(private readonly subject: {s.className}) {}

  /** GDPR: everything stored about this data subject, as one JSON document. */
  @Get(':id/export')
  @Requires('{s.subject.name}', 'read')
  export(@CurrentUser() user: RequestUser, @Param('id', ParseUUIDPipe) id: string): Promise<DataSubjectExport> {
    return this.subject.export(user, id);
  }

  /** GDPR: anonymize this data subject's personal data across their rows; what law requires is kept and listed. */
  @Post(':id/erase')
  @HttpCode(200)
  @Requires('{s.subject.name}', 'update')
  erase(@CurrentUser() user: RequestUser, @Param('id', ParseUUIDPipe) id: string): Promise<DataSubjectErasure> {
    return this.subject.erase(user, id);
  }
}
