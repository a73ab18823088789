import { html, nothing } from 'lit';
import type { Context } from '../main.js';
import { AREA_NAMES, addDays, daysBetween, todayUtc, usd, words } from '../format.js';
import { when } from '../loaded.js';
import type { BenefitList, Renewal, RenewalList, SolutionArea } from '../types.js';
import type { PartnerData } from './dashboard.js';

const areaList = (areas: SolutionArea[]) => (areas.length ? areas.map((a) => AREA_NAMES[a]).join(', ') : 'none');

function countdown(list: RenewalList, previewDaysBefore: number | undefined) {
  if (!list.nextAnniversary)
    return html`<p data-next-anniversary>No anniversary yet: it is set the day the first designation is attained.</p>`;
  const days = daysBetween(todayUtc(), list.nextAnniversary);
  return html` <p class="big" data-next-anniversary>
      Next anniversary <strong>${list.nextAnniversary}</strong>: in <strong data-countdown>${days}</strong> day${days === 1 ? '' : 's'}
    </p>
    ${previewDaysBefore !== undefined ? html`<p class="muted">The renewal preview comes ${previewDaysBefore} days before it, on ${addDays(list.nextAnniversary, -previewDaysBefore)}.</p>` : nothing}`;
}

function preview(renewal: Renewal | undefined) {
  if (!renewal?.preview) return html`<p class="muted">No preview yet for the coming anniversary.</p>`;
  const p = renewal.preview;
  return html` <div data-preview>
    <h4>Preview for ${renewal.anniversary} (made ${p.on})</h4>
    <p>Will renew: <strong>${areaList(p.renewed)}</strong></p>
    <p>Will lapse: <strong>${areaList(p.lapsed)}</strong></p>
    <p>Package ${words(p.package)}, fee ${usd(p.feeUsd)}</p>
    ${p.notes.map((n) => html`<p class="muted">${n}</p>`)}
  </div>`;
}

function fee(renewal: Renewal | undefined) {
  const r = renewal?.renewal;
  if (!r) return html`<p class="muted">No fee charged yet.</p>`;
  return html` <dl class="money" data-fee>
      <dt>Anniversary</dt>
      <dd>${renewal!.anniversary} (package runs until ${renewal!.runsUntil})</dd>
      <dt>Renewed</dt>
      <dd>${areaList(r.renewed)}</dd>
      <dt>Lapsed</dt>
      <dd>${areaList(r.lapsed)}</dd>
      <dt>Fee due</dt>
      <dd data-fee-due>${usd(r.feeUsd)} by ${r.feeDueBy}</dd>
      <dt>Paid</dt>
      <dd data-paid>${r.paid ? '✓ Paid' : '✗ Not paid'} (${usd(r.payments.reduce((sum, p) => sum + p.amountUsd, 0))})</dd>
      <dt>Outstanding</dt>
      <dd data-outstanding>${usd(r.outstandingUsd)}</dd>
    </dl>
    ${r.notes.map((n) => html`<p class="muted">${n}</p>`)}
    <h4>Payments</h4>
    ${
      r.payments.length
        ? html`<div class="scroll">
            <table>
              <thead>
                <tr>
                  <th scope="col">Paid on</th>
                  <th scope="col">Reference</th>
                  <th scope="col">Amount</th>
                </tr>
              </thead>
              <tbody>
                ${r.payments.map(
                  (p) =>
                    html`<tr>
                      <td>${p.paidOn}</td>
                      <td>${p.reference}</td>
                      <td class="num">${usd(p.amountUsd)}</td>
                    </tr>`,
                )}
              </tbody>
            </table>
          </div>`
        : html`<p data-payments>No payments recorded.</p>`
    }`;
}

function pkg(benefits: BenefitList) {
  return html`<p data-package>
    Package: <strong>${words(benefits.package)}</strong>${benefits.since ? ` since ${benefits.since}` : ''}; ${benefits.entitlements.length}
    benefit${benefits.entitlements.length === 1 ? '' : 's'}.
  </p>`;
}

/** Renewals and money: the next anniversary with a countdown, its preview, the package, the fee and its payments. */
export function renewalsSection(data: PartnerData, context: Context) {
  const previewDays = context.rules.state === 'ok' ? context.rules.value.renewal.previewDaysBefore : undefined;
  return html` <section aria-labelledby="renewals-title">
    <h2 id="renewals-title">Renewals and money</h2>
    ${when(
      data.renewals,
      (list) => {
        const upcoming = list.renewals.find((r) => r.anniversary === list.nextAnniversary);
        const charged = [...list.renewals].reverse().find((r) => r.renewal);
        return html` <div class="money-grid">
          <div class="card">${countdown(list, previewDays)} ${preview(upcoming)}</div>
          <div class="card">${when(data.benefits, pkg, 'the package')} ${fee(charged)}</div>
        </div>`;
      },
      'renewals',
    )}
  </section>`;
}
