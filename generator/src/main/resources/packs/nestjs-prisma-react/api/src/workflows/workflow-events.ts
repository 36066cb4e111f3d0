import { Injectable, Logger } from '@nestjs/common';
import type { RequestUser } from '../db/tenant-db';

export interface EntityEvent {
  type: 'created' | 'updated';
  entity: string;
  id: string;
  user: RequestUser;
  before: Record<string, unknown> | null;
  after: Record<string, unknown>;
}

export type EventHandler = (event: EntityEvent) => Promise<void>;

/**
 * In-process events after a write has committed. Handlers run after the response is on its way;
 * a failing workflow is logged with its name and never undoes the write that triggered it.
 */
@Injectable()
export class WorkflowEvents {
  private readonly log = new Logger('workflows');
  private readonly handlers: { name: string; handle: EventHandler }[] = [];
  private readonly running = new Set<Promise<void>>();

  subscribe(name: string, handle: EventHandler): void {
    this.handlers.push({ name, handle });
  }

  emit(event: EntityEvent): void {
    for (const h of this.handlers) {
      const run = h
        .handle(event)
        .catch((e: unknown) => this.log.error(`workflow ${ h.name } failed on ${ event.entity } ${ event.id }: ${ e instanceof Error ? e.message : String(e) }`))
        .finally(() => this.running.delete(run));
      this.running.add(run);
    }
  }

  /** Waits for handlers still running (tests, shutdown). */
  async settled(): Promise<void> {
    await Promise.all([...this.running]);
  }
}
