import { sharedParts } from '../../rules/load.js';
import type { AreaVariant, MetricRule } from '../../rules/schema.js';
import type { MetricName } from '../model/primitives.js';
import { associationMask } from './associations.js';
import type { ScoringContext } from './context.js';
import { evaluateGate, missingForGate, type GateResult } from './gate.js';
import { partEvaluators, type Contributor, type PartResult } from './kinds/index.js';
import type { PartEvaluator, PartScope } from './kinds/types.js';
import { pointsFor, round4, TOLERANCE } from './points.js';

/** One association type's score of a metric that has options (Modern Work: CPOR or DPOR). */
export interface OptionResult {
  option: string;
  value: number;
  points: number;
  target: number;
}

export interface MetricResult {
  metric: MetricName;
  description: string;
  value: number;
  points: number;
  maxPoints: number;
  target: number;
  gate: GateResult | null;
  /** The option whose points the metric took, where it has options; every option's score beside it. */
  option?: string;
  options?: OptionResult[];
  contributors: Contributor[];
  toFullPoints: string | null;
}

type Part = MetricRule['parts'][number];

// A part shared by both paths (the rules intern identical parts) is evaluated once per partner and
// scope. The cache lives on the context, not in a WeakMap: a WeakMap keyed by thousands of short-lived
// contexts made the garbage collector's work grow (the benchmark's ratio went from 4.8 to 6.9).
function evaluatePart(part: Part, ctx: ScoringContext, scope: PartScope): PartResult {
  const evaluate = partEvaluators[part.kind] as PartEvaluator<typeof part.kind>;
  const id = sharedParts.get(part);
  if (id === undefined) return evaluate(part, ctx, scope);
  // One number for the part and its scope (association bits < 64): one map per partner, not one per part.
  const key = (id * 64 + scope.mask) * 2 + (scope.productionOnly ? 1 : 0);
  const results = (ctx.partResults ??= new Map());
  let result = results.get(key);
  if (!result) results.set(key, (result = evaluate(part, ctx, scope)));
  return result;
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

/** What is missing for full points: unmet steps first, then the value the step points leave to earn. */
function toFullPoints(rule: MetricRule, target: number, value: number, gate: GateResult | null): string | null {
  const needs = gate ? missingForGate(gate) : [];
  const stepPoints = (rule.gate ?? []).reduce((sum, s) => sum + s.points, 0);
  const needed = (target * (rule.maxPoints - stepPoints)) / rule.maxPoints;
  const missing = needed - Math.min(Math.max(value, 0), needed);
  if (missing > TOLERANCE)
    needs.push(`${formatAmount(missing)} more ${Math.abs(missing - 1) <= TOLERANCE ? rule.unit.one : rule.unit.many}`);
  return needs.length === 0 ? null : needs.join('; then ');
}

interface Scored {
  option?: string;
  target: number;
  value: number;
  contributors: Contributor[];
  partPoints: number;
}

function scoreWith(rule: MetricRule, ctx: ScoringContext, mask: number, target: number, option?: string): Scored {
  const results: PartResult[] = [];
  for (const part of rule.parts) {
    results.push(
      evaluatePart(part, ctx, { mask: part.associations ? associationMask(part.associations) : mask, productionOnly: rule.productionOnly }),
    );
  }
  // A single part with no divisor is its own combination: no copy of its contributors.
  const combined =
    results.length === 1 && rule.combine !== 'distinctCustomers' && rule.parts[0]!.divisor === undefined && !rule.parts[0]!.floorAtZero
      ? results[0]!
      : combine(rule, results);
  const value = rule.cap === undefined ? combined.value : Math.min(combined.value, rule.cap);
  // One object shape whether or not there is an option (conditional spreads make V8 build each one slowly).
  return { option, target, value, contributors: combined.contributors, partPoints: pointsFor(value, target, rule.maxPoints) };
}

/**
 * The whole scoring of one metric: steps (gate), parts (per option, best kept), combination,
 * cap, linear points, and the step points, capped at the metric's maximum.
 */
export function evaluateMetric(rule: MetricRule, variant: AreaVariant, ctx: ScoringContext): MetricResult {
  const scored = rule.options
    ? rule.options.map((o) => scoreWith(rule, ctx, associationMask(o.associations), o.target, o.option))
    : [scoreWith(rule, ctx, associationMask(variant.associations), rule.target)];
  // The option with the most points; the first listed on a tie.
  const best = scored.reduce((a, b) => (b.partPoints > a.partPoints + TOLERANCE ? b : a));
  const gate = rule.gate ? evaluateGate(rule.gate, ctx.people) : null;
  const earned = gate === null ? best.partPoints : gate.points + (gate.passed ? best.partPoints : 0);
  const result: MetricResult = {
    metric: rule.metric,
    description: rule.description,
    value: best.value,
    points: Math.min(earned, rule.maxPoints),
    maxPoints: rule.maxPoints,
    target: best.target,
    gate,
    contributors: best.contributors,
    toFullPoints: toFullPoints(rule, best.target, best.value, gate),
  };
  if (rule.options) {
    result.option = best.option!;
    result.options = scored.map((s) => ({ option: s.option!, value: s.value, points: s.partPoints, target: s.target }));
  }
  return result;
}
