import { html, nothing } from 'lit';
import { AREA_NAMES, QUALIFYING_SCORE, points, words } from '../format.js';
import type { Loaded } from '../loaded.js';
import type { AreaResult, BadgeList, DesignationList, SolutionArea } from '../types.js';
import { metricRow } from './metric.js';

/** Qualifies or not, in words and a symbol: colour is never the only signal. */
export const qualifiesWords = (qualifies: boolean) =>
  qualifies
    ? html`<span class="q yes"><span aria-hidden="true">✓ </span>Qualifies</span>`
    : html`<span class="q no"><span aria-hidden="true">✗ </span>Does not qualify</span>`;

function scoreBar(score: number) {
  return html` <div class="bar score-bar" role="img" aria-label="score ${points(score)} of 100, qualifying line at ${QUALIFYING_SCORE}">
    <span class="fill" style="width:${Math.min(score, 100)}%"></span>
    <span class="line70" style="left:${QUALIFYING_SCORE}%"><span>${QUALIFYING_SCORE}</span></span>
  </div>`;
}

/** The program's own names for the paths and tracks. */
const PATH_NAMES: Record<string, string> = { enterprise: 'Enterprise', smb: 'SMB' };
const pathName = (p: string) => PATH_NAMES[p] ?? words(p);

function pathAndTrack(result: AreaResult) {
  const parts = [
    result.path ? html`<li>Path: <strong>${pathName(result.path)}</strong> (the better of two)</li>` : nothing,
    result.paths
      ? html`<li>
          Paths:
          ${Object.entries(result.paths)
            .map(([p, s]) => `${pathName(p)} ${points(s)}`)
            .join(' · ')}
        </li>`
      : nothing,
    result.track
      ? html`<li>Track: <strong>${pathName(result.track)}</strong>${result.trackReason ? ` — ${result.trackReason}` : ''}</li>`
      : nothing,
  ];
  return result.path || result.paths || result.track
    ? html`<ul class="path" data-path>
        ${parts}
      </ul>`
    : nothing;
}

function designationLine(area: SolutionArea, designations: Loaded<DesignationList>, badges: Loaded<BadgeList>) {
  if (designations.state !== 'ok') return nothing;
  const d = designations.value.designations.find((x) => x.area === area);
  const badge = badges.state === 'ok' ? badges.value.badges.find((b) => b.area === area) : undefined;
  const state = !d
    ? html`No designation yet`
    : d.status === 'lapsed'
      ? html`Designation <strong>lapsed</strong> on ${d.lapsedOn}${d.lapseReason ? ` (${words(d.lapseReason)})` : ''}`
      : html`Designation <strong>active</strong>${d.atRisk ? html`, <strong class="risk">⚠ at risk</strong>` : ''} since
          ${d.attainedOn}${d.renewsOn ? html`; renews on ${d.renewsOn}` : ''}`;
  return html` <p
      class="designation"
      data-designation=${d ? (d.status === 'active' ? (d.atRisk ? 'at-risk' : 'active') : 'lapsed') : 'none'}
    >
      ${state}
    </p>
    ${badge ? html`<p class="badge" data-badge><span aria-hidden="true">★ </span>Badge: ${badge.badge}</p>` : nothing}`;
}

/** One solution area: the score against the 70 line, the verdict, each metric, the designation and badge. */
export function areaCard(area: SolutionArea, result: AreaResult, designations: Loaded<DesignationList>, badges: Loaded<BadgeList>) {
  return html` <article class="card area ${result.qualifies ? 'qualifies' : 'short'}" data-area=${area} aria-labelledby="area-${area}">
    <header>
      <h3 id="area-${area}">${AREA_NAMES[area]}</h3>
      <p class="score"><span data-score>${points(result.score)}</span><span class="muted"> / 100</span></p>
    </header>
    ${scoreBar(result.score)}
    <p data-qualifies=${String(result.qualifies)}>${qualifiesWords(result.qualifies)}</p>
    ${pathAndTrack(result)}
    ${
      result.shortfall.length
        ? html`<ul class="shortfall" aria-label="Shortfall">
            ${result.shortfall.map((s) => html`<li data-shortfall>${s}</li>`)}
          </ul>`
        : nothing
    }
    ${designationLine(area, designations, badges)}
    <div class="metrics">${Object.values(result.metrics).map((m) => metricRow(area, m))}</div>
  </article>`;
}
