import { ruleSetFor } from '../../rules/index.js';
import { NoRuleSetError } from '../../rules/load.js';
import type { RuleSet } from '../../rules/schema.js';
import { today } from '../../shared/clock.js';
import { badRequest } from './refusals.js';

/** The as-of date (today in UTC unless given) and the rule set in force then; a date before any rule set is a 400. */
export function asOfAndRules(asOf: string | undefined, where: string): { asOf: string; ruleSet: RuleSet } {
  const date = asOf ?? today();
  try {
    return { asOf: date, ruleSet: ruleSetFor(date) };
  } catch (error) {
    if (error instanceof NoRuleSetError) throw badRequest([{ path: where, message: error.message }]);
    throw error;
  }
}
