import { Injectable, OnModuleInit } from '@nestjs/common';
{#if workflow.usesCipher}
import { FieldCipher } from '../db/field-cipher';
{/if}
import { TenantDb, Tx } from '../db/tenant-db';
import { GapRunner } from '../gaps/gaps';
import { WorkflowActions{#if workflow.helpers}, {workflow.helpers}{/if} } from './workflow-actions';
import { {#if !workflow.scheduled}EntityEvent, {/if}WorkflowEvents } from './workflow-events';

/** Workflow {workflow.name}: on {workflow.triggerDescription}. */
@Injectable()
export class {workflow.className} implements OnModuleInit {
  readonly name = '{workflow.name}';
  readonly schedule = {#if workflow.scheduled}{workflow.scheduleLiteral}{#else}null{/if};

  constructor(
    private readonly db: TenantDb,
    private readonly events: WorkflowEvents,
    private readonly actions: WorkflowActions,
    private readonly gaps: GapRunner,
{#if workflow.usesCipher}
    private readonly cipher: FieldCipher,
{/if}
  ) {}

  onModuleInit(): void {
{#if workflow.scheduled}
    // scheduled: started by WorkflowScheduler
{#else}
    this.events.subscribe(this.name, (event) => this.onEvent(event));
{/if}
  }

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
  async run(tx: Tx, id: string | null): Promise<void> {
{#if workflow.usesRow}
    const row = id === null ? null : await tx.{workflow.entity.camel}.findUnique({ where: { id } });
{#else if !workflow.usesId}
    void id;
{/if}
{#for s in workflow.statements}
    {s}
{/for}
  }
}
