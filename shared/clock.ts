import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc.js';
import type { IsoDate } from './dates.js';

dayjs.extend(utc);

/** Today's calendar date in UTC by the system clock: the shell's, never the core's (which takes its date as an argument). */
export function todayUtc(now: Date = new Date()): IsoDate {
  return dayjs.utc(now).format('YYYY-MM-DD');
}

/**
 * Today, for the shell: the day a package is chosen or a fee paid. It is the system clock (UTC);
 * only the local host sets it, through its admin endpoint, so that a past year can be replayed
 * with the decisions made on the days they were made. Nothing in Azure can set it.
 */
let fixed: IsoDate | undefined;

export function today(): IsoDate {
  return fixed ?? todayUtc();
}

/** For the local host only. `undefined` goes back to the system clock. */
export function setLocalToday(day: IsoDate | undefined): void {
  fixed = day;
}
