import { CronExpressionParser } from 'cron-parser';
import type { TimerRegistration } from '../functions/edge/registry.js';
import { invocationContext, type Log } from './invoke.js';

// setTimeout's ceiling; a later occurrence is reached in hops.
const MAX_DELAY = 2 ** 31 - 1;

export interface RunningTimers {
  stop(): void;
}

export function timerInfo(last: Date, next: Date, isPastDue = false) {
  return {
    isPastDue,
    schedule: { adjustForDST: false },
    scheduleStatus: { last: last.toISOString(), next: next.toISOString(), lastUpdated: new Date().toISOString() },
  };
}

export function nextOccurrence(schedule: string, after: Date): Date {
  return CronExpressionParser.parse(schedule, { currentDate: after, tz: 'UTC' }).next().toDate();
}

/** Runs each timer function at its NCRONTAB occurrences (seconds first, UTC), like the host. */
export function startTimers(timers: readonly TimerRegistration[], log: Log): RunningTimers {
  const handles = new Map<string, NodeJS.Timeout>();
  let stopped = false;
  const schedule = (timer: TimerRegistration, last: Date) => {
    const next = nextOccurrence(timer.schedule, new Date());
    const wait = () => {
      if (stopped) return;
      const delay = next.getTime() - Date.now();
      if (delay > MAX_DELAY) return handles.set(timer.name, setTimeout(wait, MAX_DELAY));
      handles.set(
        timer.name,
        setTimeout(
          async () => {
            try {
              await timer.handler(timerInfo(last, next), invocationContext(timer.name, log));
            } catch (error) {
              log(`[${timer.name}] failed: ${(error as Error).stack ?? String(error)}`);
            }
            schedule(timer, next);
          },
          Math.max(0, delay),
        ),
      );
    };
    wait();
  };
  for (const timer of timers) {
    schedule(timer, new Date());
    log(`timer ${timer.name}: ${timer.schedule} (UTC), next ${nextOccurrence(timer.schedule, new Date()).toISOString()}`);
  }
  return {
    stop() {
      stopped = true;
      for (const handle of handles.values()) clearTimeout(handle);
    },
  };
}
