import { INestApplication } from '@nestjs/common';
import { isDue, nextRun } from '../src/workflows/cron';
import { WorkflowScheduler } from '../src/workflows/workflows.module';
{#for w in app.scheduledWorkflows}
import { {w.className} } from '../src/workflows/{w.fileName}';
{/for}
import { closeApp, createAll, createApp } from './helpers';

/** Scheduled workflows on a fixed clock: cron-parser's semantics (UTC), and the scheduler running each workflow when due. */
describe('schedules', () => {
  const tenant = 'tenant-schedules';
  const at = (iso: string) => new Date(iso);
  let app: INestApplication;
  let scheduler: WorkflowScheduler;

  beforeAll(async () => {
    app = await createApp();
    await createAll(app, tenant); // entity-scheduled workflows run once per row
    process.env.SCHEDULE_TENANT_ID = tenant;
    scheduler = app.get(WorkflowScheduler);
  });

  afterAll(async () => {
    delete process.env.SCHEDULE_TENANT_ID;
    await closeApp(app);
  });

  it('understands macros, ranges, steps, lists and names', () => {
    const sunday = at('2026-03-01T10:07:00Z');
    expect(nextRun('@daily', sunday)).toEqual(at('2026-03-02T00:00:00Z'));
    expect(nextRun('@hourly', sunday)).toEqual(at('2026-03-01T11:00:00Z'));
    expect(nextRun('@weekly', sunday)).toEqual(at('2026-03-08T00:00:00Z'));
    expect(nextRun('@monthly', sunday)).toEqual(at('2026-04-01T00:00:00Z'));
    expect(nextRun('@yearly', sunday)).toEqual(at('2027-01-01T00:00:00Z'));
    expect(nextRun('0 9-17/2 * * 1-5', sunday)).toEqual(at('2026-03-02T09:00:00Z'));
    expect(nextRun('0 9-17/2 * * 1-5', at('2026-03-02T09:00:00Z'))).toEqual(at('2026-03-02T11:00:00Z'));
    expect(nextRun('0 9-17/2 * * 1-5', at('2026-03-06T17:00:00Z'))).toEqual(at('2026-03-09T09:00:00Z'));
    expect(nextRun('*/15 * * * *', sunday)).toEqual(at('2026-03-01T10:15:00Z'));
    expect(nextRun('0 0 1,15 * *', sunday)).toEqual(at('2026-03-15T00:00:00Z'));
    expect(nextRun('30 6 * jan,jul mon', sunday)).toEqual(at('2026-07-06T06:30:00Z'));
  });

  it('is due once in the window that holds a run time, and not in the next one', () => {
    expect(isDue('@daily', at('2026-03-01T23:59:30Z'), at('2026-03-02T00:00:30Z'))).toBe(true);
    expect(isDue('@daily', at('2026-03-02T00:00:30Z'), at('2026-03-02T00:01:30Z'))).toBe(false);
    expect(isDue('0 9-17/2 * * 1-5', at('2026-03-07T10:59:00Z'), at('2026-03-07T11:00:00Z'))).toBe(false); // Saturday
    expect(isDue('0 9-17/2 * * 1-5', at('2026-03-06T10:59:00Z'), at('2026-03-06T11:00:00Z'))).toBe(true);
  });
{#for w in app.scheduledWorkflows}

  it('runs {w.name} ({w.scheduleText}) when its time comes, and not before', async () => {
    const workflows = [{#for s in app.scheduledWorkflows}app.get({s.className}){#if s_hasNext}, {/if}{/for}];
    const runs = workflows.map((w) => jest.spyOn(w, 'run').mockResolvedValue(undefined)); // the actions are tested elsewhere
    const run = runs[{w_index}];
    const due = nextRun(app.get({w.className}).schedule, at('2026-03-01T10:07:00Z'));
    await scheduler.tick(new Date(due.getTime() - 1000), new Date(due.getTime() - 59_000));
    expect(run).not.toHaveBeenCalled();
    await scheduler.tick(new Date(due.getTime() + 1000));
    expect(run).toHaveBeenCalled();
    runs.forEach((r) => r.mockRestore());
  });
{/for}
});
