import type { SolutionArea } from '../model/primitives.js';
import type { ScoreDocument } from './scorePartner.js';
import type { MetricResult } from './metric.js';

export type MetricSummary = Omit<MetricResult, 'contributors' | 'description'> & { contributorCount: number };

/**
 * The score document without the per-customer explanations, which the API recomputes on demand:
 * what is stored per partner per day, small enough for one Cosmos DB write at any partner size.
 */
export interface ScoreSummary extends Omit<ScoreDocument, 'areas'> {
  areas: Record<SolutionArea, Omit<ScoreDocument['areas'][SolutionArea], 'metrics'> & { metrics: Record<string, MetricSummary> }>;
}

export function toScoreSummary(document: ScoreDocument): ScoreSummary {
  const areas = {} as ScoreSummary['areas'];
  for (const [area, result] of Object.entries(document.areas) as [SolutionArea, ScoreDocument['areas'][SolutionArea]][]) {
    const metrics: Record<string, MetricSummary> = {};
    for (const [name, { contributors, description: _, ...rest }] of Object.entries(result.metrics))
      metrics[name] = { ...rest, contributorCount: contributors.length };
    areas[area] = { ...result, metrics };
  }
  return { ...document, areas };
}

/** Whether each area qualifies on the day scored: what the lifecycle core reads of a score. */
export function qualifiesByArea(summary: Pick<ScoreSummary, 'areas'>): Record<SolutionArea, boolean> {
  return Object.fromEntries(Object.entries(summary.areas).map(([area, result]) => [area, result.qualifies])) as Record<
    SolutionArea,
    boolean
  >;
}
