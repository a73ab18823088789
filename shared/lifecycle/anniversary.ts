import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc.js';
import type { RenewalTerms } from '../../rules/lifecycleSchema.js';
import { addMonths, monthOfDate, type IsoDate } from '../dates.js';

dayjs.extend(utc);

export const isLeapYear = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/** The anniversary's occurrence in a year; 29 February becomes 28 February in other years. */
export function anniversaryIn(anniversary: IsoDate, year: number): IsoDate {
  const monthDay = anniversary.slice(5);
  return `${String(year).padStart(4, '0')}-${monthDay === '02-29' && !isLeapYear(year) ? '02-28' : monthDay}`;
}

/** The first occurrence strictly after a day: when designations attained that day renew. */
export function nextAnniversary(anniversary: IsoDate, after: IsoDate): IsoDate {
  const year = Number(after.slice(0, 4));
  const thisYear = anniversaryIn(anniversary, year);
  return thisYear > after ? thisYear : anniversaryIn(anniversary, year + 1);
}

export function isAnniversary(anniversary: IsoDate, day: IsoDate): boolean {
  return anniversaryIn(anniversary, Number(day.slice(0, 4))) === day;
}

/** Renewal looks at the first day of the month some months (five) before A's month, through A. */
export function renewalWindowStart(anniversaryDay: IsoDate, terms: RenewalTerms): IsoDate {
  return `${addMonths(monthOfDate(anniversaryDay), -terms.windowStartMonthsBefore)}-01`;
}

export const plusDays = (day: IsoDate, days: number): IsoDate => dayjs.utc(day).add(days, 'day').format('YYYY-MM-DD');
