{#if gap.filled}
import { HttpException, NotImplementedException } from '@nestjs/common';
{/if}
import type { Tx } from '../../src/db/tenant-db';
import { {gap.className} } from '../../src/gaps/{gap.fileName}';

/**
 * A transaction where every table is empty: reads find nothing, writes echo their input. A gap
 * handler must cope with missing data (return, or reject with an HttpException), never crash.
 */
function emptyTx(): Tx {
  const delegate = new Proxy({}, {
    get: (_t, op: string) => (args?: { data?: unknown }): Promise<unknown> => Promise.resolve(
      op === 'findMany' || op === 'groupBy' ? [] : op === 'count' ? 0 : op.startsWith('find') ? null
        : op === 'aggregate' ? { _count: 0, _sum: {}, _avg: {}, _min: {}, _max: {} } : (args?.data ?? { count: 0 })),
  });
  return new Proxy({}, {
    get: (_t, name: string) => (name.startsWith('$') ? (): Promise<unknown[]> => Promise.resolve([]) : delegate),
  }) as unknown as Tx;
}

{#if gap.filled}
/** Resolves, or rejects with an HttpException (a rule refusing a write); anything else fails the test. */
async function settles(run: () => Promise<void>): Promise<void> {
  try {
    await run();
  } catch (e) {
    if (e instanceof NotImplementedException || !(e instanceof HttpException)) {
      throw e;
    }
  }
}
{/if}

/** The gap's own tests: {gap.kind} {gap.id}, asked for at AppSpec {gap.path}. No database needed. */
describe('gap {gap.id}', () => {
  const handler = new {gap.className}();

  it('is the handler of this gap', () => {
    expect(handler.id).toBe('{gap.id}');
    expect(handler.filled).toBe({gap.filled});
  });
{#if gap.filled}

  it('copes with an empty database and no row', async () => {
    await settles(() => handler.run({ tx: emptyTx(), row: null }));
  });

  it('copes with an empty row', async () => {
    await settles(() => handler.run({ tx: emptyTx(), row: {}, workflow: 'test' }));
  });
{#else}

  it('fails loudly until it is implemented', async () => {
    await expect(handler.run({ tx: emptyTx(), row: null })).rejects.toThrow('VeroForge gap {gap.id}');
  });
{/if}
});
