import type { Benefit, BenefitCatalogue, BenefitPackage, SpecializationCatalogue } from '../../rules/lifecycleSchema.js';
import type { IsoDate } from '../dates.js';
import type { SolutionArea } from '../model/primitives.js';
import { activeAreas, type Membership } from './membership.js';
import { invalidField, refused, type Refusal } from '../refusal.js';

export interface RecordedSpecialization {
  id: string;
  attainedOn: IsoDate;
}

export interface SpecializationStatus extends RecordedSpecialization {
  name: string;
  area: SolutionArea;
  /** Active only while an aligned designation is. */
  active: boolean;
}

/** A specialization can be recorded only while a designation of its area is active. */
export function checkSpecialization(membership: Membership, id: string, catalogue: SpecializationCatalogue): Refusal | undefined {
  const spec = catalogue.specializations.find((s) => s.id === id);
  if (!spec) return invalidField('specializationId', `unknown specialization ${id}`);
  if (membership.designations[spec.area]?.status !== 'active')
    return refused('needsActiveDesignation', `${spec.name} needs an active ${spec.area} designation`);
  return undefined;
}

export function specializationStatuses(
  membership: Membership,
  recorded: readonly RecordedSpecialization[],
  catalogue: SpecializationCatalogue,
): SpecializationStatus[] {
  return recorded.flatMap((r) => {
    const spec = catalogue.specializations.find((s) => s.id === r.id);
    return spec ? [{ ...r, name: spec.name, area: spec.area, active: membership.designations[spec.area]?.status === 'active' }] : [];
  });
}

export interface Entitlement extends Benefit {
  /** What grants it: a designation's area, a specialization's id, or the legacy package. */
  grantedBy: string;
  /** The partner locations (PLAs) the PGA hands it down to. */
  locations: string[];
}

/**
 * What the partner (the PGA) is entitled to now: the benefits of its active designations and
 * active specializations under the designation package, or those of its legacy package; none
 * under `none`. Each goes to the locations the PGA chose.
 */
export function entitlements(
  membership: Membership,
  pkg: BenefitPackage,
  specializations: readonly SpecializationStatus[],
  catalogue: BenefitCatalogue,
  locations: readonly string[],
): Entitlement[] {
  const grant = (grantedBy: string, list: readonly Benefit[] | undefined) =>
    (list ?? []).map((b) => ({ ...b, grantedBy, locations: [...locations] }));
  if (pkg === 'none') return [];
  if (pkg !== 'designation') return grant(pkg, catalogue.byLegacyPackage[pkg]);
  return [
    ...activeAreas(membership).flatMap((area) => grant(area, catalogue.byDesignation[area])),
    ...specializations.filter((s) => s.active).flatMap((s) => grant(s.id, catalogue.bySpecialization[s.id])),
  ];
}
