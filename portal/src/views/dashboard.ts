import { html } from 'lit';
import type { Context } from '../main.js';
import { AREAS } from '../format.js';
import { LOADING, settle, when, type Loaded } from '../loaded.js';
import type { BadgeList, BenefitList, DesignationList, History, Partner, RenewalList, ScoreDocument } from '../types.js';
import { areaCard } from './areaCard.js';
import { historySection } from './history.js';
import { renewalsSection } from './renewals.js';
import { whatIfSection } from './whatIf.js';

/** Everything the dashboard shows of one partner, each answer loaded on its own so one error hides only its part. */
export interface PartnerData {
  partnerId: string;
  /** The day the scores are for (`?asOf=`); today when absent. */
  asOf?: string;
  partner: Loaded<Partner>;
  scores: Loaded<ScoreDocument>;
  designations: Loaded<DesignationList>;
  badges: Loaded<BadgeList>;
  renewals: Loaded<RenewalList>;
  benefits: Loaded<BenefitList>;
  history: Loaded<History>;
}

let data: PartnerData | undefined;

/** Forgets what was read (after a sign-out, so a new sign-in reads again). */
export function closePartner(): void {
  data = undefined;
}

export function openPartner(context: Context, partnerId: string, asOf?: string): void {
  if (data?.partnerId === partnerId && data.asOf === asOf) return;
  const { api } = context;
  const current: PartnerData = {
    partnerId,
    ...(asOf ? { asOf } : {}),
    partner: LOADING,
    scores: LOADING,
    designations: LOADING,
    badges: LOADING,
    renewals: LOADING,
    benefits: LOADING,
    history: LOADING,
  };
  data = current;
  const fill = <K extends Exclude<keyof PartnerData, 'partnerId' | 'asOf'>>(
    key: K,
    promise: Promise<PartnerData[K] extends Loaded<infer T> ? T : never>,
  ) =>
    void settle(promise, context.unauthorized).then((loaded) => {
      // A slower answer for a partner no longer shown is dropped.
      if (data !== current) return;
      (current[key] as Loaded<unknown>) = loaded;
      context.redraw();
    });
  fill('partner', api.partner(partnerId));
  fill('scores', api.scores(partnerId, asOf));
  fill('designations', api.designations(partnerId));
  fill('badges', api.badges(partnerId));
  fill('renewals', api.renewals(partnerId));
  fill('benefits', api.benefits(partnerId));
  fill('history', api.history(partnerId));
}

/** Another day's scores: a link of its own (`#/partners/{id}?asOf=`), so it can be shared. */
function asOfChanged(partnerId: string, day: string) {
  if (/^\d{4}-\d{2}-\d{2}$/.test(day)) location.hash = `#/partners/${encodeURIComponent(partnerId)}?asOf=${day}`;
}

export function dashboardView(context: Context) {
  if (!data) return '';
  const d = data;
  // An unknown partner (or any failure to read it) is said once, as the API worded it, not by every section.
  if (d.partner.state === 'error')
    return html`<h1>${d.partnerId}</h1>
      ${when(d.partner, () => '')}
      <p><a href="#/partners">All partners</a></p>`;
  return html` <section class="partner-head" aria-labelledby="partner-name">
      ${when(
        d.partner,
        (p) =>
          html` <h1 id="partner-name">${p.name}</h1>
            <p class="muted">
              <span data-partner-id>${p.partnerId}</span> ·
              ${p.country}${p.anniversary ? html` · anniversary ${p.anniversary.slice(5)}` : ''}
            </p>`,
        'the partner',
      )}
      <p class="as-of">
        <label
          >Scores as of
          <input
            type="date"
            .value=${d.scores.state === 'ok' ? d.scores.value.asOf : (d.asOf ?? '')}
            @change=${(e: Event) => asOfChanged(d.partnerId, (e.target as HTMLInputElement).value)}
        /></label>
        ${d.asOf ? html`<span class="muted">Designations, history and money below are today's.</span> <a href="#/partners/${encodeURIComponent(d.partnerId)}">Back to today</a>` : ''}
      </p>
      ${when(d.scores, (s) => html`<p class="muted">Evaluation month ${s.evaluationMonth}, rule set ${s.ruleSet}</p>`, 'scores')}
    </section>
    <section aria-labelledby="areas-title">
      <h2 id="areas-title">Solution areas</h2>
      ${when(
        d.scores,
        (scores) => html` <div class="areas">${AREAS.map((area) => areaCard(area, scores.areas[area], d.designations, d.badges))}</div>`,
        'scores',
      )}
    </section>
    ${historySection(d, context)} ${renewalsSection(d, context)} ${whatIfSection(d, context)}`;
}
