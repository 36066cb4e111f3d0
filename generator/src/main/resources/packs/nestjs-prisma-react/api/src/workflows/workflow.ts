import { Injectable{#if !workflow.scheduled}, OnModuleInit{/if} } from '@nestjs/common';
{#if workflow.usesCipher}
import { FieldCipher } from '../db/field-cipher';
{/if}
import { {#if !workflow.scheduled}TenantDb, {/if}Tx } from '../db/tenant-db';
{#if workflow.usesGaps}
import { GapRunner } from '../gaps/gaps';
{/if}
{#if workflow.actionImports}
import { {workflow.actionImports} } from './workflow-actions';
{/if}
{#if !workflow.scheduled}
import { EntityEvent, WorkflowEvents } from './workflow-events';
{/if}

/** Workflow {workflow.name}: on {workflow.triggerDescription}. */
@Injectable()
export class {workflow.className}{#if !workflow.scheduled} implements OnModuleInit{/if} {
  readonly name = '{workflow.name}';
  readonly schedule = {#if workflow.scheduled}{workflow.scheduleLiteral}{#else}null{/if};

  constructor(
{#if !workflow.scheduled}
    private readonly db: TenantDb,
    private readonly events: WorkflowEvents,
{/if}
{#if workflow.usesActions}
    private readonly actions: WorkflowActions,
{/if}
{#if workflow.usesGaps}
    private readonly gaps: GapRunner,
{/if}
{#if workflow.usesCipher}
    private readonly cipher: FieldCipher,
{/if}
  ) {}
{#if !workflow.scheduled}

  onModuleInit(): void {
    this.events.subscribe(this.name, (event) => this.onEvent(event));
  }
{/if}

{#if !workflow.scheduled}
  /** Whether an entity event starts this workflow. */
  matches(event: EntityEvent): boolean {
    const field = {workflow.fieldLiteral} as string | null;
    return (
      event.type === {workflow.eventLiteral} &&
      event.entity === {workflow.entityLiteral} &&
      (field === null || event.before === null || event.before[field] !== event.after[field])
    );
  }

  async onEvent(event: EntityEvent): Promise<void> {
    if (this.matches(event)) {
      await this.db.run(event.user, (tx) => this.run(tx, event.id));
    }
  }

{/if}
  /** The actions, in order, inside one tenant transaction. */
  {#if workflow.awaits}async {/if}run({#if workflow.usesTx}tx{#else}_tx{/if}: Tx, {#if workflow.readsRow || workflow.usesId}id{#else}_id{/if}: string | null): Promise<void> {
{#if workflow.readsRow}
    const row = id === null ? null : await tx.{workflow.entity.camel}.findUnique({ where: { id } });
{/if}
{#for s in workflow.statements}
    {s}
{/for}
{#if !workflow.awaits}
    // the actions are synchronous (log lines, mail queued for after the commit)
    return Promise.resolve();
{/if}
  }
}
