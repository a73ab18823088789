import { describe, expect, it } from 'vitest';
import { renewalRules } from '../../rules/index.js';
import { applyDay, firstRenewalOn } from '../../shared/lifecycle/firstRenewal.js';
import type { Membership } from '../../shared/lifecycle/membership.js';
import { feeFor } from '../../shared/lifecycle/renewal.js';
import { SOLUTION_AREAS, type SolutionArea } from '../../shared/model/primitives.js';

const A = '2025-06-15';
const qualifying = (...areas: SolutionArea[]) =>
  Object.fromEntries(SOLUTION_AREAS.map((a) => [a, areas.includes(a)])) as Record<SolutionArea, boolean>;
const fresh: Membership = { designations: {} };

describe("a new member's first renewal, in the recompute's one write", () => {
  it('the day that sets the anniversary plans the renewal at it: what attained renews, one designation fee', () => {
    const record = firstRenewalOn(fresh, qualifying('modernWork', 'security'), A, undefined, renewalRules);
    expect(record).toMatchObject({
      anniversary: A,
      package: 'designation',
      renewed: ['modernWork', 'security'],
      lapsed: [],
      feeUsd: feeFor(renewalRules.fees, 'designation', A),
      payments: [],
      paid: false,
    });
  });

  it('no renewal when nothing qualifies, or when the partner already has an anniversary', () => {
    expect(firstRenewalOn(fresh, qualifying(), A, undefined, renewalRules)).toBeUndefined();
    const member: Membership = { anniversary: '2024-11-10', designations: {} };
    expect(firstRenewalOn(member, qualifying('modernWork'), A, undefined, renewalRules)).toBeUndefined();
  });

  it('applyDay applies the renewal with the day that sets its anniversary, and only then; again, it changes nothing', () => {
    const record = firstRenewalOn(fresh, qualifying('modernWork'), A, undefined, renewalRules)!;
    const first = applyDay(fresh, qualifying('modernWork'), A, undefined, record);
    expect(first.events.map((e) => e.type)).toEqual(['attained', 'anniversarySet', 'renewed', 'packageInForce']);
    expect(first.membership).toMatchObject({ anniversary: A, lastRenewal: A, package: 'designation' });
    // On what a twin already wrote: nothing more.
    expect(applyDay(first.membership, qualifying('modernWork'), A, undefined, record)).toEqual({
      membership: first.membership,
      events: [],
    });
    // Someone else set another anniversary in between: the day alone, not this renewal.
    const other = applyDay({ anniversary: '2025-06-14', designations: {} }, qualifying('modernWork'), A, undefined, record);
    expect(other.membership.lastRenewal).toBeUndefined();
    expect(other.events.map((e) => e.type)).toEqual(['attained']);
  });
});
