import type { PartKind } from '../../../rules/schema.js';
import { averageCrossing } from './averageCrossing.js';
import { customersCrossing } from './customersCrossing.js';
import { customersWithWindowTotal } from './customersWithWindowTotal.js';
import { distinctServices } from './distinctServices.js';
import { growth } from './growth.js';
import { netQualifyingCustomers } from './netQualifyingCustomers.js';
import { peopleHolding } from './peopleHolding.js';
import { seatTransitions } from './seatTransitions.js';
import type { PartEvaluator } from './types.js';
import { workloadGrowth } from './workloadGrowth.js';
import { workloadPairs } from './workloadPairs.js';

/** How each kind of metric part is computed; the rules say which kind, with what parameters. */
export const partEvaluators: { [K in PartKind]: PartEvaluator<K> } = {
  peopleHolding,
  netQualifyingCustomers,
  growth,
  customersWithWindowTotal,
  customersCrossing,
  distinctServices,
  seatTransitions,
  averageCrossing,
  workloadPairs,
  workloadGrowth,
};

export type { Contributor, MonthValue, PartResult } from './types.js';
