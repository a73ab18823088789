import { describe, expect, it } from 'vitest';
import { ruleSetFor } from '../../rules/index.js';
import { addMonths } from '../../shared/dates.js';
import { checkPayment, MAX_PAYMENTS_PER_RENEWAL, recordPayment, type RenewalRecord } from '../../shared/lifecycle/renewal.js';
import { UsageUpload } from '../../shared/model/api.js';
import { CustomerProfile, MonthUsage, PersonProfile } from '../../shared/model/facts.js';
import { PaymentBody } from '../../shared/model/lifecycle.js';
import { PartnerProfile } from '../../shared/model/partner.js';
import { MAX_COUNT, MAX_USD, SOLUTION_AREAS } from '../../shared/model/primitives.js';
import { scorePartner, toScoreDocument } from '../../shared/scoring/index.js';
import { AS_OF, associated, person } from './builders.js';

const issuesOf = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  result.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? [];

describe('numbers have maxima, so every sum stays finite', () => {
  it.each([
    [
      { azureServices: [{ name: 'x', area: 'infrastructure', acrUsd: 1.7e308 }] },
      'azureServices.0.acrUsd: acrUsd must be at most 1,000,000,000 USD',
    ],
    [{ bizApps: { revenueUsd: 1e12, mcv: 0 } }, 'bizApps.revenueUsd: revenueUsd must be at most 1,000,000,000 USD'],
    [{ paidSeats: 1e9 }, 'paidSeats: paidSeats must be at most 10,000,000'],
    [{ activeUsers: Number.MAX_SAFE_INTEGER }, 'activeUsers: activeUsers must be at most 10,000,000'],
  ])('%j is refused', (usage, message) => {
    expect(issuesOf(MonthUsage.safeParse(usage))).toEqual([message]);
  });

  it.each([
    [
      { azureServices: [{ name: 'x', area: 'infrastructure', acrUsd: 1.005 }] },
      'azureServices.0.acrUsd: acrUsd has at most two decimals (whole cents)',
    ],
    [{ bizApps: { revenueUsd: 1e-20 } }, 'bizApps.revenueUsd: revenueUsd has at most two decimals (whole cents)'],
    [{ bizApps: { revenueUsd: -1 } }, 'bizApps.revenueUsd: revenueUsd must be 0 or more'],
  ])('money in whole cents: %j is refused with one reason', (usage, message) => {
    expect(issuesOf(MonthUsage.safeParse(usage))).toEqual([message]);
  });

  it('a partner at every maximum at once scores finite numbers in every area', () => {
    const big = MonthUsage.parse({
      paidSeats: MAX_COUNT,
      activeUsers: MAX_COUNT,
      protectedUsers: MAX_COUNT,
      azureServices: SOLUTION_AREAS.flatMap((area) => Array.from({ length: 80 }, (_, s) => ({ name: `s${s}`, area, acrUsd: MAX_USD }))),
      bizApps: { revenueUsd: MAX_USD, mcv: MAX_USD },
    });
    const months = Object.fromEntries(Array.from({ length: 25 }, (_, i) => [addMonths('2023-05', i), big]));
    const customers = Array.from({ length: 60 }, () =>
      associated('CSP', months, {
        associations: ['CSP', 'PAL', 'CPOR', 'DPOR'].map((type) => ({ type: type as 'CSP', from: '2020-01-01' })),
      }),
    );
    const document = toScoreDocument(
      scorePartner(
        { partner: { partnerId: 'max', name: 'Max', country: 'JP', locations: [] }, customers, people: [person([])] },
        ruleSetFor(AS_OF),
        AS_OF,
      ),
    );
    for (const area of SOLUTION_AREAS) {
      expect(Number.isFinite(document.areas[area].score), area).toBe(true);
      for (const metric of Object.values(document.areas[area].metrics))
        expect(Number.isFinite(metric!.value), `${area} ${JSON.stringify(metric!.value)}`).toBe(true);
    }
    expect(JSON.stringify(document)).not.toMatch(/"(score|points|value|total)":null/);
  });
});

describe('money', () => {
  it.each([1e-20, 5e-324, 0, 0.001, -5, 1e7, 12.345])('a payment of %s USD is refused', (amountUsd) => {
    expect(PaymentBody.safeParse({ amountUsd, reference: 'INV-1' }).success).toBe(false);
  });

  it.each([0.01, 4730, 1_000_000])('a payment of %s USD is accepted', (amountUsd) => {
    expect(PaymentBody.safeParse({ amountUsd, reference: 'INV-1' }).success).toBe(true);
  });

  it(`a renewal takes at most ${MAX_PAYMENTS_PER_RENEWAL} payments, and the last one allowed must settle the fee`, () => {
    let record: RenewalRecord = {
      anniversary: '2025-11-10',
      package: 'designation',
      renewed: ['modernWork'],
      lapsed: [],
      feeUsd: 4730,
      payments: [],
      paid: false,
      notes: [],
    };
    for (let i = 1; i < MAX_PAYMENTS_PER_RENEWAL; i++) {
      expect(checkPayment(record, { reference: `p${i}`, amountUsd: 0.01 })).toBeUndefined();
      record = recordPayment(record, { reference: `p${i}`, amountUsd: 0.01, paidOn: '2025-11-11' }).record;
    }
    expect(checkPayment(record, { reference: 'small', amountUsd: 1 })).toMatchObject({
      kind: 'refused',
      reason: 'tooManyPayments',
      message: expect.stringContaining(`at most ${MAX_PAYMENTS_PER_RENEWAL} payments`),
    });
    expect(checkPayment(record, { reference: 'p1', amountUsd: 0.01 })).toBeUndefined(); // the same payment again is still the same payment
    expect(checkPayment(record, { reference: 'settles', amountUsd: 4729.51 })).toBeUndefined();
    expect(recordPayment(record, { reference: 'settles', amountUsd: 4729.51, paidOn: '2025-11-11' }).record.paid).toBe(true);
  });
});

describe('dates and ids are bounded', () => {
  it.each([
    [
      PartnerProfile,
      { partnerId: 'p', name: 'P', country: 'JP', anniversary: '9999-12-31' },
      'anniversary: a date from 2000-01-01 through 2099-12-31',
    ],
    [PersonProfile, { linkedOn: '3024-01-01' }, 'linkedOn: a date from 2000-01-01 through 2099-12-31'],
    [
      PersonProfile,
      { linkedOn: '2024-01-01', certifications: [{ id: 'azure-administrator-associate', earnedOn: '2150-01-01' }] },
      'certifications.0.earnedOn: a date from 2000-01-01 through 2099-12-31',
    ],
    [
      CustomerProfile,
      { idType: 'tenant', country: 'JP', production: true, associations: [{ type: 'PAL', from: '2500-01-01' }] },
      'associations.0.from: a date from 2000-01-01 through 2099-12-31',
    ],
    [UsageUpload, { rows: [{ customerId: 'c', month: '0000-01', usage: {} }] }, 'rows.0.month: a month from 2000-01 through 2099-12'],
    [
      PersonProfile,
      { linkedOn: '2024-01-01', certifications: [{ id: 'a'.repeat(1_000_000), earnedOn: '2024-01-01' }] },
      'certifications.0.id: at most 100 characters',
    ],
  ] as const)('%#: refused, naming the field', (schema, value, message) => {
    expect(issuesOf(schema.safeParse(value))).toContain(message);
  });

  it('a certification no rule counts stays accepted', () => {
    expect(
      PersonProfile.safeParse({ linkedOn: '2024-01-01', certifications: [{ id: 'some-vendor-certification', earnedOn: '2024-01-01' }] })
        .success,
    ).toBe(true);
  });
});
