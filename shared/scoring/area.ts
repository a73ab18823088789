import type { AreaRule, AreaVariant, Path, RuleSet } from '../../rules/schema.js';
import { classify } from './classification.js';
import type { ScoringContext } from './context.js';
import { evaluateMetric, type MetricResult } from './metric.js';
import { atLeast, round2, TOLERANCE } from './points.js';

export interface AreaResult {
  score: number;
  qualifies: boolean;
  shortfall: string[];
  metrics: Record<string, MetricResult>;
  /** Two paths scored best of: the path kept, and both totals. */
  path?: Path;
  paths?: Record<Path, number>;
  /** One track by classification: the track scored, and why. */
  track?: Path;
  trackReason?: string;
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

function scoreVariant(variant: AreaVariant, ctx: ScoringContext): AreaResult {
  const results = variant.metrics.map((rule) => evaluateMetric(rule, variant, ctx));
  const { score, qualifies, shortfall } = qualification(results, ctx.ruleSet.qualification);
  const metrics: Record<string, MetricResult> = {};
  for (const r of results) metrics[r.metric] = r;
  return { score, qualifies, shortfall, metrics };
}

const PATH_NAMES: Record<Path, string> = { enterprise: 'Enterprise', smb: 'SMB' };

/** The higher area total; on a tie, the path that qualifies, else Enterprise (SPEC §3.6). */
function winningPath(enterprise: AreaResult, smb: AreaResult): Path {
  if (Math.abs(enterprise.score - smb.score) > TOLERANCE) return enterprise.score > smb.score ? 'enterprise' : 'smb';
  return smb.qualifies && !enterprise.qualifies ? 'smb' : 'enterprise';
}

/** Where the other path earns more on a metric, say so: it may be the quicker way to qualify. */
function otherPathHints(kept: AreaResult, other: AreaResult, otherPath: Path): string[] {
  if (kept.qualifies) return [];
  const hints: string[] = [];
  for (const [name, m] of Object.entries(other.metrics)) {
    const mine = kept.metrics[name];
    if (!mine || m.points <= mine.points + TOLERANCE) continue;
    hints.push(
      `on the ${PATH_NAMES[otherPath]} path (score ${round2(other.score).toFixed(2)}) ${name} earns ${round2(m.points).toFixed(2)} of ${m.maxPoints}${m.toFullPoints ? `; there full points need ${m.toFullPoints}` : ''}`,
    );
  }
  return hints;
}

export function scoreArea(area: AreaRule, ctx: ScoringContext): AreaResult {
  if ('paths' in area) {
    const enterprise = scoreVariant(area.paths.enterprise, ctx);
    const smb = scoreVariant(area.paths.smb, ctx);
    const path = winningPath(enterprise, smb);
    const [kept, other] = path === 'enterprise' ? [enterprise, smb] : [smb, enterprise];
    const otherPath: Path = path === 'enterprise' ? 'smb' : 'enterprise';
    kept.shortfall.push(...otherPathHints(kept, other, otherPath));
    kept.path = path;
    kept.paths = { enterprise: enterprise.score, smb: smb.score };
    return kept;
  }
  if ('tracks' in area) {
    const { track, reason } = classify(area.classification, ctx);
    const scored = scoreVariant(area.tracks[track], ctx);
    scored.track = track;
    scored.trackReason = reason;
    return scored;
  }
  return scoreVariant(area, ctx);
}
