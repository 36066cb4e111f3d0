import { INestApplication } from '@nestjs/common';
import { GAP_HANDLERS } from '../src/gaps/gaps';
import { closeApp, createApp, http } from './helpers';

/** Gaps of the AppSpec: unfilled ones are listed by /health and throw, loudly, when run. */
describe('gaps', () => {
  let app: INestApplication;

  beforeAll(async () => {
    app = await createApp();
  });

  afterAll(async () => {
    await closeApp(app);
  });

  it('has one handler per gap of the AppSpec', () => {
    expect(GAP_HANDLERS.map((h) => h.id)).toEqual([{#for g in app.gaps}'{g.id}'{#if g_hasNext}, {/if}{/for}]);
  });

  it('lists unfilled gaps in /health', async () => {
    const res = await http(app).get('/health').expect(200);
    expect(res.body.unfilledGaps).toEqual(GAP_HANDLERS.filter((h) => !h.filled).map((h) => h.id));
  });

  it('template-only gap handlers throw NotImplemented with the gap id', async () => {
    for (const handler of GAP_HANDLERS.filter((h) => !h.filled)) {
      await expect(handler.run({ tx: undefined as never, row: null })).rejects.toThrow(`VeroForge gap ${ handler.id }`);
    }
  });
});
