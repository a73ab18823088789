import { describe, expect, it } from 'vitest';
import { addMonths, evaluationMonthOf, isCalendarDate, isCalendarMonth, monthIndex, monthKey } from '../../shared/dates.js';
import { scoringWindow } from '../../shared/scoring/window.js';

describe('calendar dates and months (UTC)', () => {
  it('29 February exists only in leap years', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2025-02-29')).toBe(false);
    expect(isCalendarDate('2000-02-29')).toBe(true);
    expect(isCalendarDate('1900-02-29')).toBe(false);
    expect(isCalendarDate('2024-13-01')).toBe(false);
    expect(isCalendarDate('2024-1-01')).toBe(false);
  });

  it('months are 01..12', () => {
    expect(isCalendarMonth('2024-12')).toBe(true);
    expect(isCalendarMonth('2024-13')).toBe(false);
    expect(isCalendarMonth('2024-00')).toBe(false);
  });

  it('month arithmetic crosses year ends both ways', () => {
    expect(addMonths('2024-12', 1)).toBe('2025-01');
    expect(addMonths('2025-01', -1)).toBe('2024-12');
    expect(addMonths('2025-05', -23)).toBe('2023-06');
    expect(monthKey(monthIndex('0999-01'))).toBe('0999-01');
  });

  it('the evaluation month is the month before the as-of date’s month, even on its last day', () => {
    expect(evaluationMonthOf('2025-06-15')).toBe('2025-05');
    expect(evaluationMonthOf('2025-06-30')).toBe('2025-05');
    expect(evaluationMonthOf('2025-01-01')).toBe('2024-12');
    expect(evaluationMonthOf('2024-02-29')).toBe('2024-01');
  });

  it('window: Y = M − 12, T = M−11..M, history from M−23', () => {
    const w = scoringWindow('2024-03-01');
    expect([w.evaluationMonth, w.comparisonMonth, w.trailingStart, w.historyStart].map(monthKey)).toEqual([
      '2024-02',
      '2023-02',
      '2023-03',
      '2022-03',
    ]);
  });
});
