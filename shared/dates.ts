/** A calendar date `YYYY-MM-DD`, always read as UTC. */
export type IsoDate = string;
/** A calendar month `YYYY-MM`. */
export type MonthKey = string;

// Defined with the rules' date schemas, which validate with them and import nothing above rules/.
export { isCalendarDate, isCalendarMonth } from '../rules/primitives.js';

/**
 * Months as integers (year × 12 + month − 1): month arithmetic on them is exact and cheap,
 * which matters inside the scoring loops.
 */
export function monthIndex(month: MonthKey): number {
  // Digit arithmetic rather than slice + Number: this runs for every customer-month scored.
  const year = month.charCodeAt(0) * 1000 + month.charCodeAt(1) * 100 + month.charCodeAt(2) * 10 + month.charCodeAt(3) - 48 * 1111;
  return year * 12 + month.charCodeAt(5) * 10 + month.charCodeAt(6) - 48 * 11 - 1;
}

export function monthKey(index: number): MonthKey {
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return `${String(year).padStart(4, '0')}-${month < 10 ? '0' : ''}${month}`;
}

export function addMonths(month: MonthKey, months: number): MonthKey {
  return monthKey(monthIndex(month) + months);
}

export function monthOfDate(date: IsoDate): MonthKey {
  return date.slice(0, 7);
}

/** The evaluation month M: the last full calendar month before the as-of date. */
export function evaluationMonthOf(asOf: IsoDate): MonthKey {
  return addMonths(monthOfDate(asOf), -1);
}
