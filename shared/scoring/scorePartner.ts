import type { RuleSet } from '../../rules/schema.js';
import type { PartnerFacts } from '../model/partner.js';
import { SOLUTION_AREAS, type SolutionArea } from '../model/primitives.js';
import { scoreArea, type AreaResult } from './area.js';
import { scoringContext } from './context.js';
import { uncountedCertifications, type UncountedCertification } from './uncounted.js';
import { nameOf } from './window.js';

/**
 * The score document: one partner's scores in all six areas as of a date. scorePartner gives them
 * exact; toScoreDocument rounds them for the API and the command line (same shape).
 */
export interface ScoreDocument {
  partnerId: string;
  asOf: string;
  ruleSet: string;
  evaluationMonth: string;
  areas: Record<SolutionArea, AreaResult>;
  /** Present when people hold certifications this rule set never counts (accepted, but they count nowhere). */
  uncountedCertifications?: UncountedCertification[];
}

/** Pure: facts + the rule set in force on asOf + asOf → scores. No clock, no I/O. */
export function scorePartner(facts: PartnerFacts, ruleSet: RuleSet, asOf: string): ScoreDocument {
  const ctx = scoringContext(facts, ruleSet, asOf);
  const areas = {} as Record<SolutionArea, AreaResult>;
  for (const area of SOLUTION_AREAS) areas[area] = scoreArea(ruleSet.areas[area], ctx);
  const uncounted = uncountedCertifications(facts.people, ruleSet);
  return {
    partnerId: facts.partner.partnerId,
    asOf,
    ruleSet: ruleSet.id,
    evaluationMonth: nameOf(ctx.window, ctx.window.evaluationMonth),
    areas,
    ...(uncounted.length > 0 ? { uncountedCertifications: uncounted } : {}),
  };
}
