import type { Part, PartKind } from '../../../rules/schema.js';
import type { ScoringContext } from '../context.js';
import type { PreparedCustomer } from '../preparedCustomer.js';

export type { Contributor, MonthValue, PartResult } from '../results.js';
import type { MonthValue, PartResult } from '../results.js';
import { nameOf, type ScoringWindow } from '../window.js';

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

/** The months a growth shows: the baseline month and M, or M alone when the baseline is M. */
export function baselineAndNow(window: ScoringWindow, baseline: number, before: number, now: number): MonthValue[] {
  const M = window.evaluationMonth;
  const inM = { month: nameOf(window, M), value: now };
  return baseline === M ? [inM] : [{ month: nameOf(window, baseline), value: before }, inM];
}
