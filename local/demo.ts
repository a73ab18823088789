import { readdirSync, readFileSync } from 'node:fs';
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc.js';
import { addMonths, evaluationMonthOf, monthIndex } from '../shared/dates.js';
import { PartnerFacts } from '../shared/model/partner.js';
import type { PartnerStore } from '../shared/store/partnerStore.js';

dayjs.extend(utc);

const DEMO_DIR = new URL('./demo/', import.meta.url);

/** Moves every date and month of a partner's facts by whole months (29 February lands on 28 February). */
export function shiftFacts(facts: PartnerFacts, months: number): PartnerFacts {
  const day = (d: string) => dayjs.utc(d).add(months, 'month').format('YYYY-MM-DD');
  const maybe = (d: string | undefined) => (d === undefined ? undefined : day(d));
  return {
    partner: { ...facts.partner, ...(facts.partner.anniversary ? { anniversary: day(facts.partner.anniversary) } : {}) },
    customers: facts.customers.map((c) => ({
      ...c,
      associations: c.associations.map((a) => ({ type: a.type, from: day(a.from), ...(a.to ? { to: day(a.to) } : {}) })),
      months: Object.fromEntries(Object.entries(c.months).map(([m, usage]) => [addMonths(m, months), usage])),
    })),
    people: facts.people.map((p) => ({
      ...p,
      linkedOn: day(p.linkedOn),
      ...(p.unlinkedOn ? { unlinkedOn: maybe(p.unlinkedOn) } : {}),
      certifications: p.certifications.map((c) => ({
        id: c.id,
        earnedOn: day(c.earnedOn),
        ...(c.expiresOn ? { expiresOn: day(c.expiresOn) } : {}),
      })),
    })),
  };
}

export function demoPartners(today: string): PartnerFacts[] {
  return readdirSync(DEMO_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => {
      const facts = PartnerFacts.parse(JSON.parse(readFileSync(new URL(file, DEMO_DIR), 'utf8')));
      const lastMonth = facts.customers
        .flatMap((c) => Object.keys(c.months))
        .sort()
        .at(-1);
      // The files end in a fixed month; move them so their last month is today's evaluation month.
      return lastMonth ? shiftFacts(facts, monthIndex(evaluationMonthOf(today)) - monthIndex(lastMonth)) : facts;
    });
}

/** The demo partners, written unless already there. */
export async function loadDemoPartners(store: PartnerStore, today: string): Promise<string[]> {
  const loaded: string[] = [];
  for (const facts of demoPartners(today)) {
    if (await store.profiles.getPartner(facts.partner.partnerId)) continue;
    await store.profiles.importPartner(facts, new Date().toISOString());
    loaded.push(facts.partner.partnerId);
  }
  return loaded;
}
