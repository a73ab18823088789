import { evaluationMonthOf, monthIndex, monthKey, type IsoDate, type MonthKey } from '../dates.js';

/**
 * The months a score as of D looks at, as month indexes: M (evaluation month), Y = M − 12,
 * T = M−11..M, and the months before T back to historyStart (24 months in all unless a rule set reads more).
 */
export interface ScoringWindow {
  asOf: IsoDate;
  evaluationMonth: number;
  comparisonMonth: number;
  trailingStart: number;
  historyStart: number;
  /** YYYY-MM of each month from historyStart to M, computed once for the explanations. */
  monthNames: readonly MonthKey[];
}

/** Months read by default: M back to the 12 months before T. A rule set may read more (the promotion grace). */
const HISTORY_MONTHS = 24;

// The nightly run scores every partner as of one day: build that day's window once, not per partner.
let lastWindow: ScoringWindow | undefined;

export function scoringWindow(asOf: IsoDate, historyMonths = HISTORY_MONTHS): ScoringWindow {
  if (lastWindow?.asOf === asOf && lastWindow.monthNames.length === historyMonths) return lastWindow;
  return (lastWindow = Object.freeze(buildWindow(asOf, historyMonths)));
}

function buildWindow(asOf: IsoDate, historyMonths: number): ScoringWindow {
  const evaluationMonth = monthIndex(evaluationMonthOf(asOf));
  const historyStart = evaluationMonth - (historyMonths - 1);
  return {
    asOf,
    evaluationMonth,
    comparisonMonth: evaluationMonth - 12,
    trailingStart: evaluationMonth - 11,
    historyStart,
    monthNames: Object.freeze(Array.from({ length: historyMonths }, (_, i) => monthKey(historyStart + i))),
  };
}

/** YYYY-MM of a month index inside the window. */
export function nameOf(window: ScoringWindow, month: number): MonthKey {
  return window.monthNames[month - window.historyStart] ?? monthKey(month);
}
