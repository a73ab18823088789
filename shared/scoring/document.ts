import type { SolutionArea } from '../model/primitives.js';
import type { ScoreDocument } from './scorePartner.js';
import type { Contributor } from './kinds/types.js';
import type { AreaResult } from './area.js';
import type { MetricResult } from './metric.js';
import { round2, round4 } from './points.js';

/** The contributors with contributions to four decimals; the same array when none changes. */
function roundedContributors(contributors: Contributor[]): Contributor[] {
  for (let i = 0; i < contributors.length; i++) {
    const c = contributors[i]!;
    if (round4(c.contribution) !== c.contribution)
      return contributors.map((x) => (round4(x.contribution) === x.contribution ? x : { ...x, contribution: round4(x.contribution) }));
  }
  return contributors;
}

/**
 * The score document served by the API and printed by the command line: the exact scores with
 * score and points shown to two decimals (values and contributions to four).
 */
export function toScoreDocument(score: ScoreDocument): ScoreDocument {
  const areas = {} as ScoreDocument['areas'];
  for (const [area, result] of Object.entries(score.areas) as [SolutionArea, ScoreDocument['areas'][SolutionArea]][]) {
    const metrics: typeof result.metrics = {};
    for (const [name, m] of Object.entries(result.metrics)) {
      // Copied field by field: a spread with a conditional part is V8's slow path, and this runs per metric.
      const shown: MetricResult = {
        metric: m.metric,
        description: m.description,
        value: round4(m.value),
        points: round2(m.points),
        maxPoints: m.maxPoints,
        target: m.target,
        gate: m.gate,
        contributors: roundedContributors(m.contributors),
        toFullPoints: m.toFullPoints,
      };
      if (m.options) {
        shown.option = m.option;
        shown.options = m.options.map((o) => ({ option: o.option, value: round4(o.value), points: round2(o.points), target: o.target }));
      }
      metrics[name] = shown;
    }
    const shown: AreaResult = { score: round2(result.score), qualifies: result.qualifies, shortfall: result.shortfall, metrics };
    if (result.path !== undefined) shown.path = result.path;
    if (result.paths) shown.paths = { enterprise: round2(result.paths.enterprise), smb: round2(result.paths.smb) };
    if (result.track !== undefined) shown.track = result.track;
    if (result.trackReason !== undefined) shown.trackReason = result.trackReason;
    areas[area] = shown;
  }
  return { ...score, areas };
}
