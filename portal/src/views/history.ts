import { html, nothing } from 'lit';
import type { Context } from '../main.js';
import { AREAS, AREA_NAMES, addDays, points } from '../format.js';
import { when } from '../loaded.js';
import type { DesignationList, History, Rules, SolutionArea } from '../types.js';
import type { PartnerData } from './dashboard.js';
import './scoreChart.js';
import type { ChartData } from './scoreChart.js';
import { marks, renewalWindows } from '../historyMarks.js';

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
  return html` <figure class="card chart" data-history-area=${area}>
    <figcaption>
      <strong>${AREA_NAMES[area]}</strong> <span class="muted">— ${chart.days.length} stored day${chart.days.length === 1 ? '' : 's'}</span>
    </figcaption>
    <score-chart
      .chart=${chart}
      data-expected=${chart.days.length}
      role="img"
      aria-label="${AREA_NAMES[area]} daily score from ${history.from} to ${history.to}, qualifying line at 70"
    ></score-chart>
    <ul class="legend">
      ${chart.marks.map((m) => html`<li>${m.label}: ${m.day}</li>`)} ${visible.map((w) => html`<li>${w.label}: from ${w.from}</li>`)}
      ${chart.windows.length && !visible.length ? html`<li>next ${chart.windows.at(-1)!.label}: from ${chart.windows.at(-1)!.from}</li>` : nothing}
    </ul>
  </figure>`;
}

function daysTable(history: History) {
  return html` <details class="days">
    <summary>The stored days as a table</summary>
    <div class="scroll">
      <table>
        <thead>
          <tr>
            <th scope="col">Day</th>
            ${AREAS.map((a) => html`<th scope="col">${AREA_NAMES[a]}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${history.days.map(
            ({ day, summary }) =>
              html` <tr data-day=${day}>
                <th scope="row">${day}</th>
                ${AREAS.map((a) => html`<td>${summary.areas[a] ? `${points(summary.areas[a].score)} ${summary.areas[a].qualifies ? '✓' : '✗'}` : '—'}</td>`)}
              </tr>`,
          )}
        </tbody>
      </table>
    </div>
  </details>`;
}

/** History: each area's daily score with the 70 line, renewal windows shaded, attainment, at-risk and lapse days marked. */
export function historySection(data: PartnerData, context: Context) {
  const rules = context.rules.state === 'ok' ? context.rules.value : undefined;
  return html` <section aria-labelledby="history-title">
    <h2 id="history-title">History</h2>
    ${when(
      data.history,
      (history) =>
        html` <p class="muted">
            Daily scores from ${history.from} to ${history.to} (${history.days.length} stored days); the dashed line is 70, shaded spans are
            renewal windows. ${history.days.length ? nothing : 'Nothing stored yet: the nightly recompute stores one day each night.'}
          </p>
          ${when(data.designations, (designations) => html`<div class="charts">${AREAS.map((area) => areaChart(area, history, designations, rules))}</div>`, 'designations')}
          ${daysTable(history)}`,
      'history',
    )}
  </section>`;
}
