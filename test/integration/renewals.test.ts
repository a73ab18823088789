import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shiftFacts } from '../../local/demo.js';
import { PartnerFacts } from '../../shared/model/partner.js';
import { encodeMessage, RECOMPUTE_QUEUE, RENEWAL_QUEUE } from '../../shared/queue/queues.js';
import { queue } from './queues.js';
import { bodyOf, startTestHost, type TestHost } from './testHost.js';
import { adapters } from '../../functions/edge/composition.js';

const sample = PartnerFacts.parse(JSON.parse(readFileSync(new URL('../../local/demo/contoso-jp.json', import.meta.url), 'utf8')));

/**
 * SPEC §8.5's dates, from the sample moved back three months: the Modern Work people join on
 * 2024-11-10, the Azure administrators on 2025-01-15, six data engineers on 2025-02-20. Modern
 * Work, then Infrastructure, then Data & AI qualify on exactly those days (the spec's second and
 * third areas are Business Applications and Security; the sample cannot reach those). The data
 * ends in March 2025, so from 2025-04-01 nothing qualifies.
 */
function example5(): PartnerFacts {
  const facts = shiftFacts(sample, -3);
  const joins: Record<string, string> = {
    'rin.nakamura': '2024-11-10',
    'yuto.kato': '2024-11-10',
    'riku.yamada': '2024-11-10',
    'hina.yoshida': '2024-11-10',
    'aiko.sato': '2025-01-15',
    'kenji.tanaka': '2025-01-15',
    'mei.kobayashi': '2025-01-15',
    'sota.yamamoto': '2025-01-15',
  };
  const dataEngineers = Array.from({ length: 6 }, (_, i) => ({
    personId: `data-engineer-${i}`,
    linkedOn: '2025-02-20',
    certifications: [
      { id: 'azure-data-engineer-associate', earnedOn: '2024-06-01' },
      { id: 'azure-ai-engineer-associate', earnedOn: '2024-06-01' },
    ],
  }));
  return {
    partner: { ...facts.partner, partnerId: 'ex5', name: 'Example 5' },
    customers: facts.customers,
    people: [...facts.people.map((p) => (joins[p.personId] ? { ...p, linkedOn: joins[p.personId]! } : p)), ...dataEngineers],
  };
}

let host: TestHost;
beforeAll(async () => {
  host = await startTestHost({ queueSettings: { visibilityTimeout: 0, maxPollingInterval: 100 } });
  await adapters().partners.profiles.importPartner(example5(), '2024-11-01T00:00:00Z');
});
afterAll(async () => {
  await host?.stop();
});

async function recomputeAsOf(partnerId: string, day: string): Promise<void> {
  await host.setToday(day);
  await queue(RECOMPUTE_QUEUE).sendMessage(encodeMessage({ partnerId, reason: 'requested', asOf: day }));
  await host.drained();
}

async function renewalsOf(partnerId: string) {
  return bodyOf(await host.api(`/api/partners/${partnerId}/renewals`));
}

const pay = (partnerId: string, anniversary: string, amountUsd: number, reference: string) =>
  host.api(`/api/partners/${partnerId}/renewals/${anniversary}/payment`, { method: 'POST', json: { amountUsd, reference } });

const choose = (partnerId: string, anniversary: string, pkg: string) =>
  host.api(`/api/partners/${partnerId}/renewals/${anniversary}/package`, { method: 'POST', json: { package: pkg } });

describe('SPEC §8.5 through the API: designations attained 2024-11-10 (Modern Work, first), 2025-01-15 and 2025-02-20 all renew on 2025-11-10', () => {
  it('the first designation sets the anniversary and is the first renewal, with its fee; duplicate renewal messages charge it once', async () => {
    await recomputeAsOf('ex5', '2024-11-10');
    // The recompute queued the renewal at the new anniversary; four more copies of that message arrive with it.
    const duplicate = encodeMessage({ partnerId: 'ex5', anniversary: '2024-11-10', step: 'renew', asOf: '2024-11-10' });
    await Promise.all(Array.from({ length: 4 }, () => queue(RENEWAL_QUEUE).sendMessage(duplicate)));
    await host.drained();
    const { anniversary, renewals } = await renewalsOf('ex5');
    expect(anniversary).toBe('2024-11-10');
    expect(renewals).toHaveLength(1);
    expect(renewals[0]).toMatchObject({
      anniversary: '2024-11-10',
      status: 'renewed',
      runsUntil: '2025-11-10',
      renewal: {
        package: 'designation',
        renewed: ['modernWork'],
        lapsed: [],
        feeUsd: 4730,
        paid: false,
        payments: [],
        feeDueBy: '2024-12-10',
      },
    });
    expect(host.logs.filter((l) => l.includes('partner ex5: {"type":"packageInForce"'))).toHaveLength(1);
  });

  it('two concurrent payments with one reference are one payment', async () => {
    await host.setToday('2024-11-20');
    const statuses = (await Promise.all([pay('ex5', '2024-11-10', 4730, 'INV-EX5-1'), pay('ex5', '2024-11-10', 4730, 'INV-EX5-1')]))
      .map((r) => r.status)
      .sort();
    expect(statuses).toEqual([200, 201]);
    const { renewals } = await renewalsOf('ex5');
    expect(renewals[0].renewal).toMatchObject({
      paid: true,
      payments: [{ reference: 'INV-EX5-1', amountUsd: 4730, paidOn: '2024-11-20' }],
    });
    // A renewal message delivered again after the payment neither charges again nor loses the payment.
    await queue(RENEWAL_QUEUE).sendMessage(
      encodeMessage({ partnerId: 'ex5', anniversary: '2024-11-10', step: 'renew', asOf: '2024-11-10' }),
    );
    await host.drained();
    expect((await renewalsOf('ex5')).renewals[0].renewal).toMatchObject({
      feeUsd: 4730,
      paid: true,
      payments: [{ reference: 'INV-EX5-1' }],
    });
  });

  it('payments are refused with a reason: nothing outstanding, a reference reused for another amount, no such renewal, a bad body', async () => {
    const paid = await pay('ex5', '2024-11-10', 10, 'INV-EX5-2');
    expect(paid.status).toBe(409);
    expect((await bodyOf(paid)).message).toContain('already paid');
    expect((await pay('ex5', '2024-11-10', 10, 'INV-EX5-1')).status).toBe(409);
    expect((await pay('ex5', '2023-11-10', 10, 'X')).status).toBe(404);
    expect((await pay('nobody', '2024-11-10', 10, 'X')).status).toBe(404);
    const bad = await host.api('/api/partners/ex5/renewals/2024-11-10/payment', {
      method: 'POST',
      json: { amountUsd: 10.001, reference: '' },
    });
    expect(bad.status).toBe(400);
    expect((await bodyOf(bad)).issues.map((i: { path: string }) => i.path).sort()).toEqual(['body.amountUsd', 'body.reference']);
  });

  it('later designations share the anniversary and come at no extra fee', async () => {
    await recomputeAsOf('ex5', '2025-01-15');
    await recomputeAsOf('ex5', '2025-02-20');
    const { anniversary, designations } = await bodyOf(await host.api('/api/partners/ex5/designations'));
    expect(anniversary).toBe('2024-11-10');
    expect(designations.map((d: { area: string; attainedOn: string; renewsOn: string }) => [d.area, d.attainedOn, d.renewsOn])).toEqual([
      ['modernWork', '2024-11-10', '2025-11-10'],
      ['infrastructure', '2025-01-15', '2025-11-10'],
      ['dataAi', '2025-02-20', '2025-11-10'],
    ]);
    expect((await renewalsOf('ex5')).renewals).toHaveLength(1);
    const badges = (await bodyOf(await host.api('/api/partners/ex5/badges'))).badges.map((b: { badge: string }) => b.badge);
    expect(badges).toHaveLength(3);
    expect(badges).not.toContain('Microsoft Cloud');
  });

  it('a specialization needs an active designation of its area, and benefits follow the active designations to the chosen locations', async () => {
    await host.setToday('2025-02-21');
    const ok = await host.api('/api/partners/ex5/specializations/ai-and-machine-learning', {
      method: 'PUT',
      json: { attainedOn: '2025-02-21' },
    });
    expect(ok.status).toBe(201);
    expect(await bodyOf(ok)).toMatchObject({ id: 'ai-and-machine-learning', area: 'dataAi', active: true });
    const refused = await host.api('/api/partners/ex5/specializations/cloud-security', {
      method: 'PUT',
      json: { attainedOn: '2025-02-21' },
    });
    expect(refused.status).toBe(409);
    expect(
      (await host.api('/api/partners/ex5/specializations/no-such-thing', { method: 'PUT', json: { attainedOn: '2025-02-21' } })).status,
    ).toBe(400);
    expect(
      (await host.api('/api/partners/ex5/specializations/ai-and-machine-learning', { method: 'PUT', json: { attainedOn: '2025-03-01' } }))
        .status,
    ).toBe(400);

    const unknownLocation = await host.api('/api/partners/ex5', { method: 'PATCH', json: { benefitLocations: ['osaka'] } });
    expect(unknownLocation.status).toBe(400);
    expect((await bodyOf(unknownLocation)).issues[0].path).toBe('body.benefitLocations[0]');
    const located = await host.api('/api/partners/ex5', {
      method: 'PATCH',
      json: {
        locations: [
          { locationId: 'tokyo', name: 'Tokyo', country: 'JP' },
          { locationId: 'osaka', name: 'Osaka', country: 'JP' },
        ],
        benefitLocations: ['osaka'],
      },
    });
    expect(located.status).toBe(200);
    const benefits = await bodyOf(await host.api('/api/partners/ex5/benefits'));
    expect(benefits).toMatchObject({ package: 'designation', since: '2024-11-10', locations: ['osaka'] });
    expect(new Set(benefits.entitlements.map((e: { grantedBy: string }) => e.grantedBy))).toEqual(
      new Set(['infrastructure', 'dataAi', 'modernWork']),
    );
    expect(benefits.entitlements.every((e: { locations: string[] }) => e.locations.join() === 'osaka')).toBe(true);
  });

  it('having dropped below 70 before the anniversary and never requalified in the window, all three lapse on 2025-11-10 in one renewal, with no fee', async () => {
    await recomputeAsOf('ex5', '2025-04-01');
    expect((await bodyOf(await host.api('/api/partners/ex5/designations'))).designations.every((d: { atRisk: boolean }) => d.atRisk)).toBe(
      true,
    );
    await host.runDailyJob('dailyRenewals', '2025-10-11');
    await host.drained();
    expect((await renewalsOf('ex5')).renewals[1]).toMatchObject({
      anniversary: '2025-11-10',
      status: 'previewed',
      preview: { on: '2025-10-11', renewed: [], lapsed: ['infrastructure', 'dataAi', 'modernWork'], feeUsd: 0 },
    });
    await host.runDailyJob('dailyRenewals', '2025-11-10');
    await host.drained();
    const { renewals } = await renewalsOf('ex5');
    expect(renewals[1]).toMatchObject({
      status: 'renewed',
      renewal: { package: 'none', renewed: [], lapsed: ['infrastructure', 'dataAi', 'modernWork'], feeUsd: 0, paid: true },
    });
    expect(renewals[1].renewal.notes[0]).toContain('no designation renewed');
    const { designations } = await bodyOf(await host.api('/api/partners/ex5/designations'));
    expect(
      designations.map((d: { status: string; lapsedOn: string; lapseReason: string }) => [d.status, d.lapsedOn, d.lapseReason]),
    ).toEqual(Array(3).fill(['lapsed', '2025-11-10', 'notRequalified']));
    expect((await pay('ex5', '2025-11-10', 10, 'X')).status).toBe(409);
    const after = await bodyOf(await host.api('/api/partners/ex5/benefits'));
    expect(after).toMatchObject({ package: 'none', entitlements: [] });
    expect((await bodyOf(await host.api('/api/partners/ex5/specializations'))).specializations).toEqual([
      expect.objectContaining({ id: 'ai-and-machine-learning', active: false }),
    ]);
  });
});

describe('SPEC §8.6 through the API: a legacy Gold renewal at anniversary 2025-01-21 succeeds and runs to 2026-01-21; one at 2025-01-22 is refused', () => {
  const gold = { level: 'gold', earnedOn: '2021-05-01' };

  it('GET /rules shows the fees, the renewal terms and the legacy cutoff the renewals use', async () => {
    const rules = await bodyOf(await host.api('/api/rules'));
    expect(rules.fees.fees).toContainEqual(expect.objectContaining({ package: 'legacyGold', usd: 4730 }));
    expect(rules.renewal).toMatchObject({ windowStartMonthsBefore: 5, previewDaysBefore: 30, feeDueDaysAfter: 30 });
    expect(rules.legacy).toMatchObject({ lastCompetencyAttainment: '2022-09-30', lastLegacyPurchase: '2025-01-21' });
  });

  it('GET /rules shows each rule set with its effective date and its sources, page and section', async () => {
    const rules = await bodyOf(await host.api('/api/rules'));
    expect(
      rules.ruleSets.map((r: { id: string; effectiveFrom: string; effectiveFromAssumed: boolean }) => [
        r.id,
        r.effectiveFrom,
        r.effectiveFromAssumed,
      ]),
    ).toEqual([
      ['2022-10', '2022-10-03', false],
      ['2023-12', '2023-12-01', false],
      ['2024-07', '2024-07-01', false],
      ['2025-07', '2025-07-01', true],
    ]);
    expect(rules.ruleSets[3].sources[0]).toEqual({
      page: 'learn-2026/azure.md',
      section: 'Qualification track classification; Net customer adds; Skilling; Customer success; Enrollment Track',
    });
    expect(rules.workloads).toContainEqual({ name: 'Power Apps', aliases: ['Power App'] });
  });

  it('legacy competencies: one of the 18, earned by 2022-09-30', async () => {
    for (const [partnerId, anniversary] of [
      ['gold-p', '2024-01-21'],
      ['late-p', '2024-01-22'],
    ]) {
      expect(
        (await host.api('/api/partners', { method: 'POST', json: { partnerId, name: partnerId, country: 'JP', anniversary } })).status,
      ).toBe(201);
      expect((await host.api(`/api/partners/${partnerId}/legacy-competencies/cloud-platform`, { method: 'PUT', json: gold })).status).toBe(
        201,
      );
    }
    const late = await host.api('/api/partners/gold-p/legacy-competencies/datacenter', {
      method: 'PUT',
      json: { level: 'silver', earnedOn: '2022-10-01' },
    });
    expect(late.status).toBe(409);
    expect((await bodyOf(late)).message).toContain('2022-09-30');
    const unknown = await host.api('/api/partners/gold-p/legacy-competencies/quantum', { method: 'PUT', json: gold });
    expect(unknown.status).toBe(400);
    expect((await bodyOf(unknown)).issues[0].path).toBe('path.competency');
  });

  it('a Gold renewal at 2025-01-21, chosen on 2025-01-10, succeeds, charges the Gold fee, and runs to 2026-01-21', async () => {
    await host.setToday('2025-01-10');
    expect((await choose('gold-p', '2025-01-21', 'legacyGold')).status).toBe(200);
    await host.runDailyJob('dailyRenewals', '2025-01-21');
    await host.drained();
    const { renewals } = await renewalsOf('gold-p');
    expect(renewals).toEqual([
      expect.objectContaining({
        anniversary: '2025-01-21',
        runsUntil: '2026-01-21',
        choice: { package: 'legacyGold', chosenOn: '2025-01-10' },
      }),
    ]);
    expect(renewals[0].renewal).toMatchObject({ package: 'legacyGold', feeUsd: 4730, renewed: [], lapsed: [] });
    await host.setToday('2025-02-01');
    const benefits = await bodyOf(await host.api('/api/partners/gold-p/benefits'));
    expect(benefits).toMatchObject({
      package: 'legacyGold',
      since: '2025-01-21',
      legacyCompetencies: [{ competency: 'cloud-platform', level: 'gold', earnedOn: '2021-05-01' }],
    });
    expect(benefits.entitlements.length).toBeGreaterThan(0);
  });

  it('at 2025-01-22 the offer is gone: 409 naming the cutoff; and a choice made after the cutoff is refused too', async () => {
    await host.setToday('2025-01-10');
    const refused = await choose('late-p', '2025-01-22', 'legacyGold');
    expect(refused.status).toBe(409);
    expect((await bodyOf(refused)).message).toContain('on or before 2025-01-21');
    expect((await choose('late-p', '2025-01-22', 'actionPack')).status).toBe(409);
    await host.setToday('2025-01-22');
    expect((await choose('gold-p', '2026-01-21', 'legacyGold')).status).toBe(409);
    expect((await choose('gold-p', '2025-03-01', 'none')).status).toBe(400);
    expect((await choose('gold-p', '2025-01-21', 'none')).status).toBe(409);
  });

  it('when the legacy benefits end on 2026-01-21, the partner with no designation moves to none, and the record says why', async () => {
    await host.runDailyJob('dailyRenewals', '2026-01-21');
    await host.drained();
    const { renewals } = await renewalsOf('gold-p');
    expect(renewals[1].renewal).toMatchObject({ package: 'none', feeUsd: 0 });
    expect(renewals[1].renewal.notes[0]).toMatch(/^legacyGold benefits ended on 2026-01-21: .*2025-01-21.*moved to none$/);
    expect((await renewalsOf('late-p')).renewals).toEqual([]);
  });
});
