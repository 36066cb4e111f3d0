import { CronExpressionParser } from 'cron-parser';

/**
 * Cron schedules through cron-parser (UTC): five fields (minute hour day-of-month month
 * day-of-week) with *, values, names, ranges, steps and lists, or a macro such as @daily.
 * The generator refuses at validate time what this cannot run.
 */
export function nextRun(expression: string, after: Date): Date {
  return CronExpressionParser.parse(expression, { currentDate: after, tz: 'UTC' }).next().toDate();
}

/** Whether the schedule has a run in (after, until]: a tick that comes late still runs a missed minute once. */
export function isDue(expression: string, after: Date, until: Date): boolean {
  return nextRun(expression, after).getTime() <= until.getTime();
}
