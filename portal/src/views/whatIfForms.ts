import { html } from 'lit';
import { AREAS, AREA_NAMES, todayUtc } from '../format.js';
import type { Rules, ScoreDocument, WhatIfBody } from '../types.js';

const numberField = (name: string, label: string) =>
  html` <label>${label}<input name=${name} type="number" min="0" step="any" inputmode="decimal" /></label>`;
const value = (form: FormData, name: string) => form.get(name)?.toString().trim() ?? '';
const amount = (form: FormData, name: string) => Number(value(form, name) || 0);

/** "A certified person": one person linked and certified on the day given. */
export function personForm(rules: Rules | undefined, submit: (body: WhatIfBody) => void) {
  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    const earnedOn = value(form, 'earnedOn') || todayUtc();
    submit({
      people: [{ personId: value(form, 'personId'), linkedOn: earnedOn, certifications: [{ id: value(form, 'certification'), earnedOn }] }],
    });
  };
  return html` <form class="card what-if-form" data-what-if="person" @submit=${onSubmit}>
    <h3>Add a certified person</h3>
    <label>Person id<input name="personId" value="what-if-person" required /></label>
    <label
      >Certification
      <select name="certification" required>
        ${(rules?.certifications ?? []).map((c) => html`<option value=${c.id} ?selected=${c.id === 'azure-administrator-associate'}>${c.name} (${c.level})</option>`)}
      </select>
    </label>
    <label>Earned on<input name="earnedOn" type="date" .value=${todayUtc()} required /></label>
    <button type="submit">Score with this person</button>
  </form>`;
}

/** "A customer's month": usage for a customer already associated, or a new one with the association chosen. */
export function customerMonthForm(scores: ScoreDocument, country: string, submit: (body: WhatIfBody) => void) {
  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    const customerId = value(form, 'customerId');
    const month = value(form, 'month');
    const service = value(form, 'service');
    const usage = {
      paidSeats: amount(form, 'paidSeats'),
      activeUsers: amount(form, 'activeUsers'),
      protectedUsers: amount(form, 'protectedUsers'),
      azureServices: service
        ? [{ name: service, area: value(form, 'serviceArea') as (typeof AREAS)[number], acrUsd: amount(form, 'acrUsd') }]
        : [],
      bizApps: { revenueUsd: amount(form, 'revenueUsd'), mcv: amount(form, 'mcv') },
    };
    const association = value(form, 'association');
    submit(
      association === 'existing'
        ? { usage: [{ customerId, month, usage }] }
        : {
            customers: [
              {
                customerId,
                idType: 'tenant',
                country,
                production: true,
                associations: [{ type: association as 'PAL', from: `${month}-01` }],
                months: { [month]: usage },
              },
            ],
          },
    );
  };
  return html` <form class="card what-if-form" data-what-if="customer" @submit=${onSubmit}>
    <h3>Add a customer's month</h3>
    <label>Customer id<input name="customerId" value="what-if-customer" required /></label>
    <label
      >Customer is
      <select name="association">
        <option value="existing">already associated (add to its month)</option>
        ${['PAL', 'CPOR', 'DPOR', 'CSP'].map((a) => html`<option value=${a}>new, associated by ${a} from that month</option>`)}
      </select>
    </label>
    <label>Month<input name="month" type="month" .value=${scores.evaluationMonth} required /></label>
    <fieldset>
      <legend>Microsoft 365</legend>
      ${numberField('paidSeats', 'Paid seats')}${numberField('activeUsers', 'Active users')}${numberField('protectedUsers', 'Protected users')}
    </fieldset>
    <fieldset>
      <legend>Azure</legend>
      <label>Service<input name="service" placeholder="e.g. Virtual Machines" /></label>
      <label
        >Area<select name="serviceArea">
          ${AREAS.map((a) => html`<option value=${a}>${AREA_NAMES[a]}</option>`)}
        </select></label
      >
      ${numberField('acrUsd', 'ACR (USD)')}
    </fieldset>
    <fieldset>
      <legend>Business Applications</legend>
      ${numberField('revenueUsd', 'Revenue (USD)')}${numberField('mcv', 'MCV (USD)')}
    </fieldset>
    <button type="submit">Score with this month</button>
  </form>`;
}
