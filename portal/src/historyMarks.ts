import { monthStartBefore } from './format.js';
import type { DesignationList, History, Rules, SolutionArea } from './types.js';

// What the history charts mark, kept apart from the drawing so it can be tested without a browser.
export interface ChartSpan {
  from: string;
  to: string;
  label: string;
}
export interface ChartMark {
  day: string;
  label: string;
}

/** The renewal windows (SPEC §4) of the anniversaries around the history: the first day of the month N months before A, through A. */
export function renewalWindows(designations: DesignationList, rules: Rules | undefined): ChartSpan[] {
  const next = designations.nextAnniversary;
  if (!next || !rules) return [];
  const [year, month, day] = next.split('-').map(Number) as [number, number, number];
  // 29 February a year earlier is 28 February (SPEC §4).
  const previous = new Date(Date.UTC(year - 1, month - 1, Math.min(day, new Date(Date.UTC(year - 1, month, 0)).getUTCDate())))
    .toISOString()
    .slice(0, 10);
  return [previous, next].map((a) => ({
    from: monthStartBefore(a, rules.renewal.windowStartMonthsBefore),
    to: a,
    label: `renewal window to ${a}`,
  }));
}

/** Attainment and lapse from the designation; at-risk days where the stored history turns from qualifying to not while it is active. */
export function marks(area: SolutionArea, history: History, designations: DesignationList): ChartMark[] {
  const d = designations.designations.find((x) => x.area === area);
  if (!d) return [];
  const found: ChartMark[] = [{ day: d.attainedOn, label: 'attained' }];
  let before: boolean | undefined;
  for (const { day, summary } of history.days) {
    const qualifies = summary.areas[area]?.qualifies;
    const active = day >= d.attainedOn && (!d.lapsedOn || day < d.lapsedOn);
    if (active && before === true && qualifies === false) found.push({ day, label: 'at risk' });
    before = qualifies;
  }
  if (d.lapsedOn) found.push({ day: d.lapsedOn, label: 'lapsed' });
  return found;
}
