import type { AreaRule, MetricRule } from '../../rules/schema.js';
import type { MetricName } from '../model/primitives.js';
import { associationMask } from './associations.js';
import type { ScoringContext } from './context.js';
import { evaluateGate, missingForGate, type GateResult } from './gate.js';
import { partEvaluators, type Contributor, type PartResult } from './kinds/index.js';
import type { PartEvaluator, PartScope } from './kinds/types.js';
import { pointsFor, round4, TOLERANCE } from './points.js';

export interface MetricResult {
  metric: MetricName;
  description: string;
  value: number;
  points: number;
  maxPoints: number;
  target: number;
  gate: GateResult | null;
  contributors: Contributor[];
  toFullPoints: string | null;
}

function evaluatePart(part: MetricRule['parts'][number], ctx: ScoringContext, scope: PartScope): PartResult {
  return (partEvaluators[part.kind] as PartEvaluator<typeof part.kind>)(part, ctx, scope);
}

function combine(rule: MetricRule, results: PartResult[]): PartResult {
  if (rule.combine === 'distinctCustomers') {
    const byCustomer = new Map<string, Contributor>();
    for (const r of results) for (const c of r.contributors) if (!byCustomer.has(c.id)) byCustomer.set(c.id, c);
    return { value: byCustomer.size, contributors: [...byCustomer.values()] };
  }
  let value = 0;
  const contributors: Contributor[] = [];
  rule.parts.forEach((part, i) => {
    const result = results[i]!;
    const divisor = part.divisor ?? 1;
    value += (part.floorAtZero ? Math.max(0, result.value) : result.value) / divisor;
    for (const c of result.contributors) contributors.push(divisor === 1 ? c : { ...c, contribution: c.contribution / divisor });
  });
  return { value, contributors };
}

// One formatter for all: toLocaleString would build a new one per call, which shows in the benchmark.
const amount = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

function formatAmount(n: number): string {
  return amount.format(round4(n));
}

function toFullPoints(rule: MetricRule, value: number, gate: GateResult | null): string | null {
  const needs = gate ? missingForGate(gate) : [];
  const missing = rule.target - Math.min(Math.max(value, 0), rule.target);
  if (missing > TOLERANCE) needs.push(`${formatAmount(missing)} more ${Math.abs(missing - 1) <= TOLERANCE ? rule.unit.one : rule.unit.many}`);
  return needs.length === 0 ? null : needs.join('; then ');
}

/** The whole scoring of one metric: gate, parts, combination, cap and linear points. */
export function evaluateMetric(rule: MetricRule, area: AreaRule, ctx: ScoringContext): MetricResult {
  const results = rule.parts.map((part) =>
    evaluatePart(part, ctx, { mask: associationMask(part.associations ?? area.associations), productionOnly: rule.productionOnly }),
  );
  const combined = combine(rule, results);
  const value = rule.cap === undefined ? combined.value : Math.min(combined.value, rule.cap);
  const gate = rule.gate ? evaluateGate(rule.gate, ctx.people) : null;
  const points = gate && !gate.passed ? 0 : pointsFor(value, rule.target, rule.maxPoints);
  return {
    metric: rule.metric,
    description: rule.description,
    value,
    points,
    maxPoints: rule.maxPoints,
    target: rule.target,
    gate,
    contributors: combined.contributors,
    toFullPoints: toFullPoints(rule, value, gate),
  };
}
