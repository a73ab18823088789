import { describe, expect, it } from 'vitest';
import { marks, renewalWindows } from '../../portal/src/historyMarks.js';
import type { DesignationList, History, Rules } from '../../portal/src/types.js';

const rules = { certifications: [], renewal: { windowStartMonthsBefore: 5, previewDaysBefore: 30, feeDueDaysAfter: 30 } } satisfies Rules;
const history = (days: [string, boolean][]): History => ({
  partnerId: 'p',
  from: '2025-01-01',
  to: '2025-12-31',
  days: days.map(([day, qualifies]) => ({
    day,
    computedAt: `${day}T02:00:00Z`,
    summary: { areas: { security: { score: qualifies ? 75 : 60, qualifies } } as History['days'][number]['summary']['areas'] },
  })),
});
const designations = (d: Partial<DesignationList['designations'][number]>, nextAnniversary = '2025-11-10'): DesignationList => ({
  anniversary: '2024-11-10',
  nextAnniversary,
  designations: [{ area: 'security', attainedOn: '2025-02-01', status: 'active', atRisk: false, ...d }],
});

describe('what the portal’s history charts mark', () => {
  it('the attainment day, a day the area stops qualifying while the designation is active (at risk), and the lapse', () => {
    const days = history([
      ['2025-03-01', true],
      ['2025-03-02', false],
      ['2025-03-03', false],
      ['2025-03-04', true],
      ['2025-03-05', false],
    ]);
    expect(marks('security', days, designations({ status: 'lapsed', lapsedOn: '2025-03-05' }))).toEqual([
      { day: '2025-02-01', label: 'attained' },
      { day: '2025-03-02', label: 'at risk' },
      { day: '2025-03-05', label: 'lapsed' },
    ]);
  });

  it('no at-risk mark before the designation is attained, and nothing for an area without one', () => {
    const days = history([
      ['2025-01-20', true],
      ['2025-01-21', false],
      ['2025-02-01', true],
    ]);
    expect(marks('security', days, designations({}))).toEqual([{ day: '2025-02-01', label: 'attained' }]);
    expect(marks('modernWork', days, designations({}))).toEqual([]);
  });

  it('shades the renewal window of the next anniversary and the one before: from the first day of the month five months before', () => {
    expect(renewalWindows(designations({}), rules)).toEqual([
      { from: '2024-06-01', to: '2024-11-10', label: 'renewal window to 2024-11-10' },
      { from: '2025-06-01', to: '2025-11-10', label: 'renewal window to 2025-11-10' },
    ]);
    expect(renewalWindows(designations({}, '2028-02-29'), rules).map((w) => [w.from, w.to])).toEqual([
      ['2026-09-01', '2027-02-28'],
      ['2027-09-01', '2028-02-29'],
    ]);
    expect(renewalWindows({ anniversary: null, nextAnniversary: null, designations: [] }, rules)).toEqual([]);
  });
});
