import { describe, expect, it } from 'vitest';
import { upgradeRenewalDoc } from '../../shared/store/renewalStore.js';
import type { RenewalDoc } from '../../shared/store/documents.js';

const doc = (extra: object): RenewalDoc =>
  ({
    id: 'renewal:2025-06-10',
    partnerId: 'p',
    type: 'renewal',
    anniversary: '2025-06-10',
    updatedAt: '2025-07-10T00:00:00Z',
    ...extra,
  }) as RenewalDoc;

describe('renewal documents written before the fee-due record was renamed', () => {
  it('a feeCheck {on, lapsed} reads as feeDue {checkedOn, lapsed}, so the late payment it lapsed is still refused', () => {
    const upgraded = upgradeRenewalDoc(doc({ feeCheck: { on: '2025-07-10', lapsed: ['security'] } }));
    expect(upgraded.feeDue).toEqual({ checkedOn: '2025-07-10', lapsed: ['security'] });
    expect(upgraded).not.toHaveProperty('feeCheck');
  });

  it('a document already carrying feeDue keeps it, and one with neither is returned as it is', () => {
    const current = doc({ feeDue: { checkedOn: '2025-07-11', lapsed: [] }, feeCheck: { on: '2025-07-10', lapsed: ['security'] } });
    expect(upgradeRenewalDoc(current).feeDue).toEqual({ checkedOn: '2025-07-11', lapsed: [] });
    const plain = doc({});
    expect(upgradeRenewalDoc(plain)).toBe(plain);
    expect(upgradeRenewalDoc(undefined)).toBeUndefined();
  });
});
