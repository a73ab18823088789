import type { AssociationType } from '../model/primitives.js';

// Association types as bits, so "eligible for this metric in this month" is one AND.
const BIT: Record<AssociationType, number> = { CPOR: 1, PAL: 2, DPOR: 4, CSP: 8 };

export function associationMask(types: readonly AssociationType[]): number {
  let mask = 0;
  for (const type of types) mask |= BIT[type];
  return mask;
}

export function associationBit(type: AssociationType): number {
  return BIT[type];
}
