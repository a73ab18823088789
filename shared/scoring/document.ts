import type { SolutionArea } from '../model/primitives.js';
import type { PartnerScore } from './scorePartner.js';
import { round2, round4 } from './points.js';

/**
 * The score document served by the API and printed by the command line: the exact scores with
 * score and points shown to two decimals (values and contributions to four).
 */
export type ScoreDocument = PartnerScore;

export function toScoreDocument(score: PartnerScore): ScoreDocument {
  const areas = {} as ScoreDocument['areas'];
  for (const [area, result] of Object.entries(score.areas) as [SolutionArea, PartnerScore['areas'][SolutionArea]][]) {
    const metrics: typeof result.metrics = {};
    for (const [name, m] of Object.entries(result.metrics)) {
      metrics[name] = {
        ...m,
        value: round4(m.value),
        points: round2(m.points),
        ...(m.options ? { options: m.options.map((o) => ({ ...o, value: round4(o.value), points: round2(o.points) })) } : {}),
        contributors: m.contributors.map((c) => {
          const contribution = round4(c.contribution);
          return contribution === c.contribution ? c : { ...c, contribution };
        }),
      };
    }
    areas[area] = {
      ...result,
      score: round2(result.score),
      ...(result.paths ? { paths: { enterprise: round2(result.paths.enterprise), smb: round2(result.paths.smb) } } : {}),
      metrics,
    };
  }
  return { ...score, areas };
}
