import type { RenewalTerms } from '../../rules/lifecycleSchema.js';
import { monthDaysDue, renewalStepsDue } from '../lifecycle/schedule.js';
import type { RenewalMessage } from '../model/jobs.js';
import type { Page } from './ports.js';
import { DEFAULT_FAN_OUT, fanOutPages, type CheckpointPorts, type FanOutOptions, type FanOutResult } from './fanOut.js';

/** What the daily renewal job needs from the outside world. */
export interface RenewalFanOutPorts extends CheckpointPorts {
  /** Partners whose anniversary falls on one of these month-days, a page at a time. */
  partnersWithAnniversaryOn(
    monthDays: readonly string[],
    limit: number,
    continuation?: string,
  ): Promise<Page<{ partnerId: string; anniversary: string }>>;
  send(message: RenewalMessage): Promise<void>;
}

/**
 * The day's renewal steps (preview, renewal, fee check) for the partners with one due, selected by
 * their anniversary's month-day, one message per step, checkpointed per page like the nightly
 * fan-out: a run repeated the same day queues nothing again, and one that died resumes at its last
 * page (each step is idempotent per partner, anniversary and step, so that page twice is harmless).
 */
export function fanOutRenewals(
  day: string,
  terms: RenewalTerms,
  ports: RenewalFanOutPorts,
  options: FanOutOptions = DEFAULT_FAN_OUT,
): Promise<FanOutResult> {
  const monthDays = monthDaysDue(day, terms);
  return fanOutPages(
    day,
    {
      ...ports,
      page: (limit, continuation) => ports.partnersWithAnniversaryOn(monthDays, limit, continuation),
      messagesOf: ({ partnerId, anniversary }: { partnerId: string; anniversary: string }): RenewalMessage[] =>
        renewalStepsDue(anniversary, day, terms).map((due) => ({ partnerId, ...due, asOf: day })),
    },
    options,
  );
}
