import { describe, expect, it } from 'vitest';
import { benefits, specializations } from '../../rules/index.js';
import { checkSpecialization, entitlements, specializationStatuses } from '../../shared/lifecycle/entitlements.js';
import type { Membership } from '../../shared/lifecycle/membership.js';

const security: Membership = {
  anniversary: '2024-11-10',
  designations: { security: { area: 'security', attainedOn: '2024-11-10', status: 'active', atRisk: false } },
};
const lapsed: Membership = {
  anniversary: '2024-11-10',
  designations: {
    security: {
      area: 'security',
      attainedOn: '2024-11-10',
      status: 'lapsed',
      atRisk: false,
      lapsedOn: '2025-11-10',
      lapseReason: 'notRequalified',
    },
  },
};

describe('specializations', () => {
  it('are recorded only with an active aligned designation', () => {
    expect(checkSpecialization(security, 'cloud-security', specializations)).toBeUndefined();
    expect(checkSpecialization(security, 'ai-and-machine-learning', specializations)).toEqual({
      kind: 'refused',
      reason: 'needsActiveDesignation',
      message: 'AI and Machine Learning needs an active dataAi designation',
    });
    expect(checkSpecialization(security, 'made-up', specializations)).toEqual({
      kind: 'invalid',
      issues: [{ path: 'specializationId', message: 'unknown specialization made-up' }],
    });
  });

  it('are inactive while no aligned designation is active', () => {
    const recorded = [{ id: 'cloud-security', attainedOn: '2025-01-10' }];
    expect(specializationStatuses(security, recorded, specializations)[0]).toMatchObject({ area: 'security', active: true });
    expect(specializationStatuses(lapsed, recorded, specializations)[0]).toMatchObject({ active: false });
  });

  it('every area has its specializations (seed 001)', () => {
    const areas = new Set(specializations.specializations.map((s) => s.area));
    expect(areas.size).toBe(6);
  });
});

describe('benefit entitlements', () => {
  const recorded = specializationStatuses(security, [{ id: 'cloud-security', attainedOn: '2025-01-10' }], specializations);

  it('follow the active designations and specializations under the designation package, handed to the chosen locations', () => {
    const granted = entitlements(security, 'designation', recorded, benefits, ['contoso-tokyo']);
    expect(granted).toContainEqual({
      benefit: 'Azure production credits',
      quantity: '6,000 USD a year',
      grantedBy: 'security',
      locations: ['contoso-tokyo'],
    });
    expect(granted).toContainEqual({
      benefit: 'Azure production credits',
      quantity: '9,000 USD a year',
      grantedBy: 'cloud-security',
      locations: ['contoso-tokyo'],
    });
  });

  it('nothing from a lapsed designation or its specialization; nothing under `none`; the legacy package under legacy', () => {
    const lapsedSpecs = specializationStatuses(lapsed, [{ id: 'cloud-security', attainedOn: '2025-01-10' }], specializations);
    expect(entitlements(lapsed, 'designation', lapsedSpecs, benefits, [])).toEqual([]);
    expect(entitlements(security, 'none', recorded, benefits, [])).toEqual([]);
    expect(entitlements(security, 'legacyGold', recorded, benefits, ['hq']).map((e) => e.grantedBy)).toEqual(['legacyGold']);
  });
});
