import { describe, expect, it } from 'vitest';
import contoso from '../../local/demo/contoso-jp.json' with { type: 'json' };
import { renewalRules, renewalTerms, ruleSetFor } from '../../rules/index.js';
import { runRenewalStep } from '../../shared/jobs/renewalStep.js';
import type { Membership } from '../../shared/lifecycle/membership.js';
import { feeFor } from '../../shared/lifecycle/renewal.js';
import { stepDay } from '../../shared/lifecycle/schedule.js';
import type { RenewalMessage } from '../../shared/model/jobs.js';
import { PartnerFacts } from '../../shared/model/partner.js';
import { scorePartner, toScoreDocument, toScoreSummary } from '../../shared/scoring/index.js';
import { jobWorld } from './jobWorld.js';

// The demo partner qualifies for Infrastructure and Modern Work on 2025-06-15.
const sample = PartnerFacts.parse(contoso);
const ID = sample.partner.partnerId;
const FIRST = '2024-06-15';
const A = '2025-06-15';
const FEE = feeFor(renewalRules.fees, 'designation', A);
const like = toScoreSummary(toScoreDocument(scorePartner(sample, ruleSetFor(A), A)));

/** A member since 2024-06-15 with Infrastructure and Modern Work, renewed then; its second anniversary A is ahead. */
const member: Membership = {
  anniversary: FIRST,
  designations: {
    infrastructure: { area: 'infrastructure', attainedOn: FIRST, status: 'active', atRisk: false },
    modernWork: { area: 'modernWork', attainedOn: FIRST, status: 'active', atRisk: false },
  },
  package: 'designation',
  lastRenewal: FIRST,
};

function memberWorld() {
  const world = jobWorld();
  world.addPartner(sample, member);
  return world;
}

const message = (step: RenewalMessage['step'], anniversary = A): RenewalMessage => ({
  partnerId: ID,
  anniversary,
  step,
  asOf: stepDay(anniversary, step, renewalTerms),
});

async function renewed() {
  const world = memberWorld();
  await runRenewalStep(message('renew'), world.ports);
  return world;
}

describe('runRenewalStep, on an in-memory world', () => {
  it('the preview, 30 days before A, plans on the window so far and writes the preview alone: no record, no fee, the designations as they were', async () => {
    const world = memberWorld();
    world.addSnapshot(ID, '2025-05-16', like, ['modernWork']);
    const outcome = await runRenewalStep(message('preview'), world.ports);
    expect(outcome.events).toEqual([]);
    expect(world.writes).toEqual([`renewal ${ID} ${A}`]);
    expect(world.renewal(ID, A)?.preview).toMatchObject({
      on: '2025-05-16',
      renewed: ['modernWork'],
      lapsed: ['infrastructure'],
      feeUsd: FEE,
    });
    expect(world.renewal(ID, A)?.record).toBeUndefined();
    expect(world.membership(ID)).toEqual(member);
  });

  it('on A with no snapshot yet, the renewal scores A itself, writes the record with one fee and renews the membership; redelivered, it charges nothing and changes nothing', async () => {
    const world = memberWorld();
    const outcome = await runRenewalStep(message('renew'), world.ports);
    expect(world.writes).toContain(`snapshot ${ID} ${A}`);
    expect(world.writes.filter((w) => w.startsWith('renewal'))).toEqual([`renewal ${ID} ${A}`]);
    expect(world.renewal(ID, A)?.record).toMatchObject({
      anniversary: A,
      package: 'designation',
      renewed: ['infrastructure', 'modernWork'],
      lapsed: [],
      feeUsd: FEE,
      paid: false,
    });
    expect(outcome.events.filter((e) => e.type === 'renewed')).toHaveLength(2);
    expect(world.membership(ID)).toMatchObject({ anniversary: FIRST, lastRenewal: A, package: 'designation' });

    const record = world.renewal(ID, A);
    const writes = world.writes.length;
    const again = await runRenewalStep(message('renew'), world.ports);
    expect(again.events).toEqual([]);
    expect(world.writes).toHaveLength(writes);
    expect(world.renewal(ID, A)).toBe(record);
  });

  it('an area that qualifies on A renews; one that does not lapses unless it qualified on another day of the window', async () => {
    const world = memberWorld();
    world.addSnapshot(ID, A, like, ['modernWork']);
    world.addSnapshot(ID, '2025-03-01', like, ['infrastructure']);
    await runRenewalStep(message('renew'), world.ports);
    expect(world.renewal(ID, A)?.record).toMatchObject({ renewed: ['infrastructure', 'modernWork'], lapsed: [] });

    const lapsing = memberWorld();
    lapsing.addSnapshot(ID, A, like, ['modernWork']);
    await runRenewalStep(message('renew'), lapsing.ports);
    expect(lapsing.renewal(ID, A)?.record).toMatchObject({ renewed: ['modernWork'], lapsed: ['infrastructure'] });
    expect(lapsing.membership(ID).designations.infrastructure).toMatchObject({ status: 'lapsed', lapseReason: 'notRequalified' });
  });

  it('a fee still unpaid 30 days after A lapses what renewed, once: the check redelivered lapses nothing more and writes nothing', async () => {
    const world = await renewed();
    const outcome = await runRenewalStep(message('feeDue'), world.ports);
    expect(outcome.events.filter((e) => e.type === 'lapsed' && e.reason === 'feeUnpaid').map((e) => e.type === 'lapsed' && e.area)).toEqual(
      ['infrastructure', 'modernWork'],
    );
    expect(world.renewal(ID, A)?.feeDue).toEqual({ checkedOn: '2025-07-15', lapsed: ['infrastructure', 'modernWork'] });
    expect(world.membership(ID).designations.modernWork).toMatchObject({ status: 'lapsed', lapseReason: 'feeUnpaid' });

    const writes = world.writes.length;
    const again = await runRenewalStep(message('feeDue'), world.ports);
    expect(again.events).toEqual([]);
    expect(world.writes).toHaveLength(writes);
  });

  it('a fee paid by the check lapses nothing: the check is recorded, the designations stay active', async () => {
    const world = await renewed();
    world.pay(ID, A);
    const outcome = await runRenewalStep(message('feeDue'), world.ports);
    expect(outcome.events).toEqual([]);
    expect(world.renewal(ID, A)?.feeDue).toEqual({ checkedOn: '2025-07-15', lapsed: [] });
    expect(world.membership(ID).designations.modernWork).toMatchObject({ status: 'active' });
  });

  it('a step for a day that is not the partner’s anniversary can never succeed, and nothing is written', async () => {
    const world = memberWorld();
    const outcome = await runRenewalStep(message('renew', '2025-06-16'), world.ports);
    expect(outcome).toMatchObject({ neverSucceeds: true, events: [] });
    expect(outcome.summary).toContain(`its anniversary is ${FIRST}`);
    expect(world.writes).toEqual([]);
  });

  it('a step for a partner that does not exist (any more) does nothing', async () => {
    const world = memberWorld();
    const outcome = await runRenewalStep({ ...message('renew'), partnerId: 'gone' }, world.ports);
    expect(outcome).toEqual({ summary: 'partner gone does not exist (any more)', events: [] });
    expect(world.writes).toEqual([]);
  });
});
