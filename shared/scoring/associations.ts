import type { AssociationType } from '../model/primitives.js';

// Association types as bits, so "eligible for this metric in this month" is one AND.
const BIT: Record<AssociationType, number> = { CPOR: 1, PAL: 2, DPOR: 4, CSP: 8 };

const masks = new WeakMap<readonly AssociationType[], number>();

/** The types as one bit mask, computed once per list of the rules. */
export function associationMask(types: readonly AssociationType[]): number {
  let mask = masks.get(types);
  if (mask === undefined) {
    mask = 0;
    for (const type of types) mask |= BIT[type];
    masks.set(types, mask);
  }
  return mask;
}

export function associationBit(type: AssociationType): number {
  return BIT[type];
}
