import { Injectable } from '@nestjs/common';
import type { Tx } from '../db/tenant-db';
{#for g in app.gaps}
import { {g.className} } from './{g.fileName}';
{/for}

/** What a gap handler gets: the tenant transaction, the row the workflow or write is about, and who asked. */
export interface GapContext {
  tx: Tx;
  row: unknown;
  workflow?: string;
}

export interface GapHandler {
  readonly id: string;
  readonly description: string;
  /** false: a template-only stub that throws; true: implemented (by the AI gap filler or by hand). */
  readonly filled: boolean;
  /** Entities whose writes this rule checks; empty: runs only when a workflow calls it. */
  readonly entities: readonly string[];
  run(ctx: GapContext): Promise<void>;
}

/**
 * Everything the AppSpec asked for that templates could not express (business rules, custom
 * workflow actions), one handler per gap in ./gap-NN.gap.ts.
 */
export const GAP_HANDLERS: readonly GapHandler[] = [{#for g in app.gaps}new {g.className}(){#if g_hasNext}, {/if}{/for}];

@Injectable()
export class GapRunner {
  async run(id: string, ctx: GapContext): Promise<void> {
    const handler = GAP_HANDLERS.find((h) => h.id === id);
    if (!handler) {
      throw new Error(`unknown gap ${ id }`);
    }
    await handler.run(ctx);
  }
}
