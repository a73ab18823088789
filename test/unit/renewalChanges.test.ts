import { describe, expect, it } from 'vitest';
import type { RenewalRecord } from '../../shared/lifecycle/renewal.js';
import { ranRenewal, withPackageChoice, withPayment, type RenewalState } from '../../shared/lifecycle/renewalChanges.js';

const A = '2025-06-15';
const record = (extra: Partial<RenewalRecord> = {}): RenewalRecord => ({
  anniversary: A,
  package: 'designation',
  renewed: ['infrastructure'],
  lapsed: [],
  feeUsd: 4730,
  payments: [],
  paid: false,
  notes: [],
  ...extra,
});
const pay = (amountUsd: number, reference = 'r1') => ({ reference, amountUsd, paidOn: '2025-06-20' });

describe('decisions on one renewal, made on the renewal as it stands when written', () => {
  it('a package is chosen before the anniversary renews; once it has run, the choice is refused as alreadyRenewed', () => {
    const open: RenewalState = { anniversary: A };
    expect(withPackageChoice(open, 'legacyGold', '2025-06-01')).toEqual({
      anniversary: A,
      choice: { package: 'legacyGold', chosenOn: '2025-06-01' },
    });
    expect(withPackageChoice({ anniversary: A, record: record() }, 'legacyGold', '2025-06-01')).toMatchObject({
      kind: 'refused',
      reason: 'alreadyRenewed',
    });
  });

  it('no fee is paid or checked before the renewal has run (notRenewedYet)', () => {
    expect(ranRenewal({ anniversary: A })).toMatchObject({ kind: 'refused', reason: 'notRenewedYet' });
    expect(withPayment({ anniversary: A }, pay(100))).toMatchObject({ kind: 'refused', reason: 'notRenewedYet' });
  });

  it('a payment settles the fee; the same reference and amount again is one payment, changing nothing', () => {
    const paid = withPayment({ anniversary: A, record: record() }, pay(4730));
    if ('kind' in paid) throw new Error('refused');
    expect(paid.duplicate).toBe(false);
    expect(paid.renewal.record).toMatchObject({ paid: true, payments: [pay(4730)] });
    const again = withPayment(paid.renewal, pay(4730));
    expect(again).toEqual({ renewal: paid.renewal, duplicate: true });
  });

  it('after the fee-due check lapsed what renewed, a payment is refused (lapsedForNonPayment) and nothing is recorded', () => {
    const lapsed: RenewalState = { anniversary: A, record: record(), feeDue: { checkedOn: '2025-07-15', lapsed: ['infrastructure'] } };
    expect(withPayment(lapsed, pay(4730))).toMatchObject({ kind: 'refused', reason: 'lapsedForNonPayment' });
    // A fee-due check that found the fee paid lapses nothing, and refuses nothing.
    const checked: RenewalState = { anniversary: A, record: record(), feeDue: { checkedOn: '2025-07-15', lapsed: [] } };
    expect(withPayment(checked, pay(100))).toMatchObject({ duplicate: false });
  });
});
