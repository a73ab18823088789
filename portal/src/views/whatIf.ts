import { html, nothing } from 'lit';
import type { Context } from '../main.js';
import { AREAS, AREA_NAMES, points } from '../format.js';
import { settle, when, type Loaded } from '../loaded.js';
import type { WhatIfBody, WhatIfResult } from '../types.js';
import { qualifiesWords } from './areaCard.js';
import type { PartnerData } from './dashboard.js';
import { customerMonthForm, personForm } from './whatIfForms.js';

// The last what-if asked, per partner shown; nothing is stored anywhere (the API's what-if writes nothing).
let asked: { partnerId: string; result: Loaded<WhatIfResult> } | undefined;

function run(context: Context, data: PartnerData, body: WhatIfBody) {
  const asOf = data.scores.state === 'ok' ? data.scores.value.asOf : undefined;
  const current = { partnerId: data.partnerId, result: { state: 'loading' } as Loaded<WhatIfResult> };
  asked = current;
  context.redraw();
  void settle(context.api.whatIf(data.partnerId, { ...(asOf ? { asOf } : {}), ...body }), context.unauthorized).then((result) => {
    if (asked !== current) return;
    current.result = result;
    context.redraw();
  });
}

function comparison(result: WhatIfResult) {
  return html` <div class="scroll">
    <table class="what-if-result" aria-label="Scores today and with the what-if">
      <thead>
        <tr>
          <th scope="col">Area</th>
          <th scope="col">Today</th>
          <th scope="col">What-if</th>
          <th scope="col">Change</th>
          <th scope="col">Qualifies today → what-if</th>
        </tr>
      </thead>
      <tbody>
        ${AREAS.map((area) => {
          const c = result.changes[area];
          if (!c) return nothing;
          const delta = c.scoreAfter - c.scoreBefore;
          return html` <tr data-what-if-area=${area} class=${delta > 0 ? 'up' : delta < 0 ? 'down' : ''}>
            <th scope="row">${AREA_NAMES[area]}</th>
            <td class="num" data-before>${points(c.scoreBefore)}</td>
            <td class="num" data-after>${points(c.scoreAfter)}</td>
            <td class="num">${delta === 0 ? 'no change' : `${delta > 0 ? '▲ +' : '▼ '}${points(delta)}`}</td>
            <td>${qualifiesWords(c.qualifiesBefore)} → ${qualifiesWords(c.qualifiesAfter)}</td>
          </tr>`;
        })}
      </tbody>
    </table>
  </div>`;
}

/** What-if: add a certified person or a customer's month and see the scores beside today's. */
export function whatIfSection(data: PartnerData, context: Context) {
  const rules = context.rules.state === 'ok' ? context.rules.value : undefined;
  const country = data.partner.state === 'ok' ? data.partner.value.country : 'US';
  const submit = (body: WhatIfBody) => run(context, data, body);
  const shown = asked?.partnerId === data.partnerId ? asked.result : undefined;
  return html` <section aria-labelledby="what-if-title">
    <h2 id="what-if-title">What-if</h2>
    <p class="muted">Try a change and see the scores it would give. Nothing is stored.</p>
    ${when(
      data.scores,
      (scores) => html` <div class="what-if-forms">${personForm(rules, submit)} ${customerMonthForm(scores, country, submit)}</div>`,
      'scores',
    )}
    <div aria-live="polite" data-what-if-result>${shown ? when(shown, comparison, 'the what-if') : nothing}</div>
  </section>`;
}
