import { ForbiddenKeyError, parseJson } from '../json.js';
import { ruleSetFor } from '../../rules/index.js';
import { NoRuleSetError } from '../../rules/load.js';
import { IsoDate } from '../model/primitives.js';
import { describeIssues } from '../model/issues.js';
import { PartnerFacts } from '../model/partner.js';
import { scorePartner, toScoreDocument, type ScoreDocument } from '../scoring/index.js';

export type ScoreFileOutcome = { ok: true; document: ScoreDocument } | { ok: false; message: string };

/** Scores the text of a partner file as of a date: the score document, or a message naming the place. */
export function scoreFileText(text: string, asOf: string): ScoreFileOutcome {
  const date = IsoDate.safeParse(asOf);
  if (!date.success) return { ok: false, message: `--as-of: ${date.error.issues[0]?.message ?? 'invalid date'} (${asOf})` };
  let raw: unknown;
  try {
    raw = parseJson(text);
  } catch (error) {
    if (error instanceof ForbiddenKeyError) return { ok: false, message: error.message };
    return { ok: false, message: `not valid JSON: ${(error as Error).message}` };
  }
  const facts = PartnerFacts.safeParse(raw);
  if (!facts.success) return { ok: false, message: describeIssues(facts.error) };
  try {
    return { ok: true, document: toScoreDocument(scorePartner(facts.data, ruleSetFor(asOf), asOf)) };
  } catch (error) {
    if (error instanceof NoRuleSetError) return { ok: false, message: error.message };
    throw error;
  }
}
