import { Global, {#if app.hasSchedules}Injectable, Logger, {/if}Module{#if app.hasSchedules}, OnModuleDestroy, OnModuleInit{/if} } from '@nestjs/common';
import { GapRunner } from '../gaps/gaps';
{#if app.hasSchedules}
import { TenantDb } from '../db/tenant-db';
{/if}
import { UserDirectory } from '../auth/user-directory';
{#if app.hasSchedules}
import { isDue } from './cron';
{/if}
import { Mailer } from './mailer';
import { WorkflowActions } from './workflow-actions';
import { WorkflowEvents } from './workflow-events';
{#for w in app.workflows}
import { {w.className} } from './{w.fileName}';
{/for}

{#if app.hasSchedules}
/**
 * Runs scheduled workflows for the tenant in SCHEDULE_TENANT_ID (one deployment serves one tenant's
 * schedules; unset = none). It ticks once a minute and runs each workflow that had a run time since
 * the last tick (cron-parser, UTC), so a late tick still runs it once. Entity-scheduled workflows run
 * once per row, at most 500 rows.
 */
@Injectable()
export class WorkflowScheduler implements OnModuleInit, OnModuleDestroy {
  private readonly log = new Logger('scheduler');
  private timer: NodeJS.Timeout | null = null;
  private lastTick = new Date();

  constructor(
    private readonly db: TenantDb,
{#for w in app.workflows}
{#if w.scheduled}
    private readonly w{w_index}: {w.className},
{/if}
{/for}
  ) {}

  onModuleInit(): void {
    if (process.env.SCHEDULE_TENANT_ID) {
      this.lastTick = new Date();
      this.timer = setInterval(() => void this.tick(new Date()), 60_000);
    }
  }

  onModuleDestroy(): void {
    if (this.timer) {
      clearInterval(this.timer);
    }
  }

  /** Runs what is due in (since, now]; since defaults to the previous tick. */
  async tick(now: Date, since: Date = this.lastTick): Promise<void> {
    this.lastTick = now;
    const user = { sub: 'scheduler', tenantId: process.env.SCHEDULE_TENANT_ID ?? '', roles: [] };
    if (!user.tenantId) {
      return;
    }
{#for w in app.workflows}
{#if w.scheduled}
    if (isDue(this.w{w_index}.schedule, since, now)) {
      try {
{#if w.hasEntity}
        await this.db.run(user, async (tx) => {
          for (const { id } of await tx.{w.entity.camel}.findMany({ select: { id: true }, take: 500 })) {
            await this.w{w_index}.run(tx, id);
          }
        });
{#else}
        await this.db.run(user, (tx) => this.w{w_index}.run(tx, null));
{/if}
      } catch (e) {
        this.log.error(`workflow ${ this.w{w_index}.name } failed: ${ e instanceof Error ? e.message : String(e) }`);
      }
    }
{/if}
{/for}
  }
}

{/if}
@Global()
@Module({
  providers: [WorkflowEvents, WorkflowActions, Mailer, UserDirectory, GapRunner{#if app.hasSchedules}, WorkflowScheduler{/if}{#for w in app.workflows}, {w.className}{/for}],
  exports: [WorkflowEvents, GapRunner, Mailer, UserDirectory],
})
export class WorkflowsModule {}
