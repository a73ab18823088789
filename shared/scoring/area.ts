import type { AreaRule, RuleSet } from '../../rules/schema.js';
import type { ScoringContext } from './context.js';
import { evaluateMetric, type MetricResult } from './metric.js';
import { atLeast, round2 } from './points.js';

export interface AreaResult {
  score: number;
  qualifies: boolean;
  shortfall: string[];
  metrics: Record<string, MetricResult>;
}

/** Qualifies at ≥ 70 with every metric at ≥ 1 point (both from the rules), within the tolerance. */
export function qualification(metrics: readonly MetricResult[], rule: RuleSet['qualification']): Omit<AreaResult, 'metrics'> {
  const score = metrics.reduce((sum, m) => sum + m.points, 0);
  const shortfall: string[] = [];
  if (!atLeast(score, rule.minScore)) shortfall.push(`score ${round2(score).toFixed(2)} is below ${rule.minScore}`);
  for (const m of metrics) {
    if (atLeast(m.points, rule.minPointsPerMetric)) continue;
    const why = m.gate && !m.gate.passed ? ` (gate not met: ${m.gate.reason})` : '';
    shortfall.push(`${m.metric} has ${round2(m.points).toFixed(2)} points; every metric needs at least ${rule.minPointsPerMetric}${why}`);
  }
  return { score, qualifies: shortfall.length === 0, shortfall };
}

export function scoreArea(area: AreaRule, ctx: ScoringContext): AreaResult {
  const results = area.metrics.map((rule) => evaluateMetric(rule, area, ctx));
  return { ...qualification(results, ctx.ruleSet.qualification), metrics: Object.fromEntries(results.map((r) => [r.metric, r])) };
}
