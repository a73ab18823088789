import { html, nothing } from 'lit';
import { count, metricName, points } from '../format.js';
import type { Contributor, MetricResult, SolutionArea } from '../types.js';

function gateState(metric: MetricResult) {
  if (!metric.gate) return nothing;
  const needs = metric.gate.requirements
    .map((r) => `${r.people} ${r.people === 1 ? 'person holds' : 'people hold'} ${r.certification}, ${r.atLeastPeople} needed`)
    .join('; ');
  return metric.gate.passed
    ? html`<span class="gate ok" data-gate="passed"><span aria-hidden="true">✓ </span>Gate passed (${needs})</span>`
    : html`<span class="gate shut" data-gate="failed"
        ><span aria-hidden="true">✗ </span>Gate not met: ${metric.gate.reason ?? needs}</span
      >`;
}

function contributorItem(c: Contributor) {
  return html` <li data-contributor=${c.id}>
    <strong>${c.id}</strong> <span class="muted">(${c.type})</span> counts <strong>${count(c.contribution)}</strong> — ${c.note}
    ${c.months.length ? html`<div class="months">${c.months.map((m) => html`<span class="month">${m.month}: ${count(m.value)}</span>`)}</div>` : nothing}
  </li>`;
}

/** A metric's bar of points over max, its gate and "to full points"; it opens to the contributors behind it (SPEC §3.5). */
export function metricRow(area: SolutionArea, metric: MetricResult) {
  const share = metric.maxPoints > 0 ? (100 * metric.points) / metric.maxPoints : 0;
  return html` <details class="metric" data-metric=${metric.metric}>
    <summary>
      <span class="metric-name"
        >${metricName(metric.metric)}${metric.option ? html` <span class="option" data-option>via ${metric.option}</span>` : nothing}</span
      >
      <span class="metric-points"
        ><span data-points>${points(metric.points)}</span> / <span data-max>${points(metric.maxPoints)}</span></span
      >
      <span class="bar metric-bar" role="img" aria-label="${points(metric.points)} of ${points(metric.maxPoints)} points"
        ><span class="fill" style="width:${share}%"></span
      ></span>
      <span class="metric-state">
        ${gateState(metric)}
        <span data-to-full>${metric.toFullPoints ? `To full points: ${metric.toFullPoints}` : 'Full points'}</span>
      </span>
    </summary>
    <div class="why">
      <p class="muted">${metric.description.replace(/\.?$/, '.')} Value ${count(metric.value)} of target ${count(metric.target)}.</p>
      ${
        metric.contributors.length
          ? html`<ul class="contributors" aria-label="${metricName(metric.metric)} contributors in ${area}">
              ${metric.contributors.map(contributorItem)}
            </ul>`
          : html`<p data-no-contributors>Nothing contributes yet.</p>`
      }
    </div>
  </details>`;
}
