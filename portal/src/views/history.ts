import { html, nothing } from 'lit';
import type { Context } from '../main.js';
import { AREAS, AREA_NAMES, addDays, monthStartBefore, points } from '../format.js';
import { when } from '../loaded.js';
import type { DesignationList, History, Rules, SolutionArea } from '../types.js';
import type { PartnerData } from './dashboard.js';
import './scoreChart.js';
import type { ChartData, ChartMark, ChartSpan } from './scoreChart.js';

/** The renewal windows (SPEC §4) of the anniversaries around the history: the first day of the month N months before A, through A. */
function renewalWindows(designations: DesignationList, rules: Rules | undefined): ChartSpan[] {
  const next = designations.nextAnniversary;
  if (!next || !rules) return [];
  const previous = `${Number(next.slice(0, 4)) - 1}${next.slice(4)}`;
  return [previous, next].map((a) => ({ from: monthStartBefore(a, rules.renewal.windowStartMonthsBefore), to: a, label: `renewal window to ${a}` }));
}

/** Attainment and lapse from the designation; at-risk days where the stored history turns from qualifying to not while it is active. */
function marks(area: SolutionArea, history: History, designations: DesignationList): ChartMark[] {
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

function areaChart(area: SolutionArea, history: History, designations: DesignationList, rules: Rules | undefined) {
  const first = history.days[0]?.day;
  const chart: ChartData = {
    // Start a little before the first stored day, so a young history is not three dots at the edge of an empty year.
    from: first && addDays(first, -14) > history.from ? addDays(first, -14) : history.from,
    to: history.to,
    days: history.days.flatMap(({ day, summary }) => (summary.areas[area] ? [{ day, score: summary.areas[area].score }] : [])),
    windows: renewalWindows(designations, rules),
    marks: marks(area, history, designations),
  };
  const visible = chart.windows.filter((w) => w.to >= history.from && w.from <= history.to);
  return html`
    <figure class="card chart" data-history-area=${area}>
      <figcaption><strong>${AREA_NAMES[area]}</strong> <span class="muted">— ${chart.days.length} stored day${chart.days.length === 1 ? '' : 's'}</span></figcaption>
      <score-chart .chart=${chart} data-expected=${chart.days.length} role="img"
        aria-label="${AREA_NAMES[area]} daily score from ${history.from} to ${history.to}, qualifying line at 70"></score-chart>
      <ul class="legend">
        ${chart.marks.map((m) => html`<li>${m.label}: ${m.day}</li>`)}
        ${visible.map((w) => html`<li>${w.label}: from ${w.from}</li>`)}
        ${chart.windows.length && !visible.length ? html`<li>next ${chart.windows.at(-1)!.label}: from ${chart.windows.at(-1)!.from}</li>` : nothing}
      </ul>
    </figure>`;
}

function daysTable(history: History) {
  return html`
    <details class="days">
      <summary>The stored days as a table</summary>
      <div class="scroll"><table>
        <thead><tr><th scope="col">Day</th>${AREAS.map((a) => html`<th scope="col">${AREA_NAMES[a]}</th>`)}</tr></thead>
        <tbody>${history.days.map(({ day, summary }) => html`
          <tr data-day=${day}><th scope="row">${day}</th>${AREAS.map((a) => html`<td>${summary.areas[a] ? `${points(summary.areas[a].score)} ${summary.areas[a].qualifies ? '✓' : '✗'}` : '—'}</td>`)}</tr>`)}
        </tbody>
      </table></div>
    </details>`;
}

/** History: each area's daily score with the 70 line, renewal windows shaded, attainment, at-risk and lapse days marked. */
export function historySection(data: PartnerData, context: Context) {
  const rules = context.rules.state === 'ok' ? context.rules.value : undefined;
  return html`
    <section aria-labelledby="history-title">
      <h2 id="history-title">History</h2>
      ${when(data.history, (history) => html`
        <p class="muted">Daily scores from ${history.from} to ${history.to} (${history.days.length} stored days); the dashed line is 70, shaded spans are renewal windows.
          ${history.days.length ? nothing : 'Nothing stored yet: the nightly recompute stores one day each night.'}</p>
        ${when(data.designations, (designations) => html`<div class="charts">${AREAS.map((area) => areaChart(area, history, designations, rules))}</div>`, 'designations')}
        ${daysTable(history)}`, 'history')}
    </section>`;
}
