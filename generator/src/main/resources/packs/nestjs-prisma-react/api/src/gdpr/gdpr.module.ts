import { Module } from '@nestjs/common';
{#for m in app.gdprImports}
import { {m.names.pascal}Module } from '../{m.names.kebab}/{m.names.kebab}.module';
{/for}
{#for s in app.dataSubjects}
import { {s.className}, {s.className}Controller } from './{s.fileName}';
{/for}

/** GET /<subject>/:id/export: the subject and every row that references them, by entity. */
export interface DataSubjectExport {
  subject: { entity: string; id: string };
  exportedAt: string;
  data: Record<string, unknown[]>;
}

/** POST /<subject>/:id/erase: ids anonymized by entity, and what was kept (whole rows or single fields) and why. */
export interface DataSubjectErasure {
  subject: { entity: string; id: string };
  erased: Record<string, string[]>;
  kept: { entity: string; field?: string; ids: string[]; reason: string }[];
}

/** GDPR export and erasure for the data subjects of the AppSpec. */
@Module({
  imports: [{#for m in app.gdprImports}{m.names.pascal}Module{#if m_hasNext}, {/if}{/for}],
  controllers: [{#for s in app.dataSubjects}{s.className}Controller{#if s_hasNext}, {/if}{/for}],
  providers: [{#for s in app.dataSubjects}{s.className}{#if s_hasNext}, {/if}{/for}],
})
export class GdprModule {}
