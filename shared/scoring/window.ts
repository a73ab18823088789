import { evaluationMonthOf, monthIndex, monthKey, type IsoDate, type MonthKey } from '../dates.js';

/**
 * The months a score as of D looks at, as month indexes: M (evaluation month), Y = M − 12,
 * T = M−11..M, and the 12 months before T (Security's Azure net adds compare T with them).
 */
export interface ScoringWindow {
  asOf: IsoDate;
  evaluationMonth: number;
  comparisonMonth: number;
  trailingStart: number;
  historyStart: number;
}

export const HISTORY_MONTHS = 24;

export function scoringWindow(asOf: IsoDate): ScoringWindow {
  const evaluationMonth = monthIndex(evaluationMonthOf(asOf));
  return {
    asOf,
    evaluationMonth,
    comparisonMonth: evaluationMonth - 12,
    trailingStart: evaluationMonth - 11,
    historyStart: evaluationMonth - (HISTORY_MONTHS - 1),
  };
}

export function key(index: number): MonthKey {
  return monthKey(index);
}
