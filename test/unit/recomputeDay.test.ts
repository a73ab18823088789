import { describe, expect, it } from 'vitest';
import contoso from '../../local/demo/contoso-jp.json' with { type: 'json' };
import { renewalRules } from '../../rules/index.js';
import { recomputeDay } from '../../shared/jobs/recomputeDay.js';
import { feeFor } from '../../shared/lifecycle/renewal.js';
import { PartnerFacts } from '../../shared/model/partner.js';
import { jobWorld } from './jobWorld.js';

// The demo partner qualifies for Infrastructure and Modern Work on 2025-06-15, and for nothing on 2024-06-15.
const sample = PartnerFacts.parse(contoso);
const ID = sample.partner.partnerId;
const A = '2025-06-15';
const FEE = feeFor(renewalRules.fees, 'designation', A);

function newPartner() {
  const world = jobWorld();
  world.addPartner(sample);
  return world;
}

describe('recomputeDay, on an in-memory world', () => {
  it("the day a partner first attains is its first renewal: one partner write, the renewal record created with one fee, and the day's snapshot", async () => {
    const world = newPartner();
    const result = await recomputeDay(world.ports, ID, A, 'ifAbsent');
    expect(result).toMatchObject({ outcome: 'written', qualifies: { infrastructure: true, modernWork: true, security: false } });
    expect(result.outcome !== 'missing' && result.events.map((e) => e.type).sort()).toEqual([
      'anniversarySet',
      'attained',
      'attained',
      'packageInForce',
      'renewed',
      'renewed',
    ]);
    expect(world.writes).toEqual([`partner ${ID}`, `renewal ${ID} ${A}`, `snapshot ${ID} ${A}`]);
    expect(world.renewal(ID, A)?.record).toMatchObject({
      anniversary: A,
      package: 'designation',
      renewed: ['infrastructure', 'modernWork'],
      lapsed: [],
      feeUsd: FEE,
      paid: false,
    });
    expect(FEE).toBeGreaterThan(0);
    expect(world.membership(ID)).toMatchObject({ anniversary: A, lastRenewal: A, package: 'designation' });
  });

  it('a repeat of the first day (a redelivered message) writes nothing new and charges nothing twice', async () => {
    const world = newPartner();
    await recomputeDay(world.ports, ID, A, 'ifAbsent');
    const record = world.renewal(ID, A);
    const writes = world.writes.length;
    const again = await recomputeDay(world.ports, ID, A, 'ifAbsent');
    expect(again).toMatchObject({ outcome: 'existed', events: [] });
    expect(world.writes).toHaveLength(writes);
    expect(world.renewal(ID, A)).toBe(record);
    // A data change the same day replaces the snapshot only.
    await recomputeDay(world.ports, ID, A, 'replace');
    expect(world.writes.slice(writes)).toEqual([`snapshot ${ID} ${A}`]);
  });

  it('a recompute stopped between its partner write and the record: the repeat writes the record, once', async () => {
    const world = newPartner();
    const stopping = {
      ...world.ports,
      renewals: { ...world.ports.renewals, commitRenewal: () => Promise.reject(new Error('the host was stopped')) },
    };
    await expect(recomputeDay(stopping, ID, A, 'ifAbsent')).rejects.toThrow('the host was stopped');
    expect(world.membership(ID)).toMatchObject({ anniversary: A, lastRenewal: A });
    expect(world.renewal(ID, A)).toBeUndefined();
    const again = await recomputeDay(world.ports, ID, A, 'ifAbsent');
    expect(again).toMatchObject({ outcome: 'written', events: [] });
    expect(world.renewal(ID, A)?.record).toMatchObject({ renewed: ['infrastructure', 'modernWork'], feeUsd: FEE });
    const writes = world.writes.length;
    await recomputeDay(world.ports, ID, A, 'ifAbsent');
    expect(world.writes).toHaveLength(writes);
  });

  it('a day that changes no designation writes the snapshot only', async () => {
    const world = newPartner();
    const result = await recomputeDay(world.ports, ID, '2024-06-15', 'ifAbsent');
    expect(result).toMatchObject({ outcome: 'written', events: [] });
    expect(world.writes).toEqual([`snapshot ${ID} 2024-06-15`]);
    expect(world.membership(ID)).toEqual({ designations: {} });
  });

  it('a partner that does not exist (any more) is missing, and nothing is written', async () => {
    const world = newPartner();
    expect(await recomputeDay(world.ports, 'gone', A, 'ifAbsent')).toEqual({ outcome: 'missing' });
    expect(world.writes).toEqual([]);
  });
});
