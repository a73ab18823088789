import type { MonthKey } from '../../dates.js';
import type { Part, PartKind } from '../../../rules/schema.js';
import type { PreparedCustomer, ScoringContext } from '../context.js';

export interface MonthValue {
  month: MonthKey;
  value: number;
}

/** One customer, person or service and what it adds to a metric's value, with the months read. */
export interface Contributor {
  type: 'customer' | 'person' | 'service';
  id: string;
  /** The Business Applications workload of a (customer, workload) pair. */
  workload?: string;
  contribution: number;
  /** The measure's value in each month used, in month order. */
  months: MonthValue[];
  note: string;
}

export interface PartResult {
  value: number;
  contributors: Contributor[];
}

export interface PartScope {
  /** Eligible association types, as bits. */
  mask: number;
  productionOnly: boolean;
}

export type PartOf<K extends PartKind> = Extract<Part, { kind: K }>;
export type PartEvaluator<K extends PartKind> = (part: PartOf<K>, ctx: ScoringContext, scope: PartScope) => PartResult;

export function customersInScope(ctx: ScoringContext, scope: PartScope): PreparedCustomer[] {
  return scope.productionOnly ? ctx.productionCustomers : ctx.customers;
}
