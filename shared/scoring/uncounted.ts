import { certificationsOf } from '../../rules/load.js';
import { variantsOf, type RuleSet } from '../../rules/schema.js';
import type { Person } from '../model/facts.js';

/** A certification people hold that no metric or gate of the rule set names: accepted, and said to count nowhere. */
export interface UncountedCertification {
  certification: string;
  people: number;
  note: string;
}

const named = new WeakMap<RuleSet, Set<string>>();

/** Every certification a metric or a step of the rule set names, on any path or track. */
function namedIn(ruleSet: RuleSet): Set<string> {
  let found = named.get(ruleSet);
  if (!found) {
    found = new Set(
      Object.values(ruleSet.areas).flatMap((area) => variantsOf(area).flatMap((variant) => variant.metrics.flatMap(certificationsOf))),
    );
    named.set(ruleSet, found);
  }
  return found;
}

/** Pure: the certifications held by the partner's people that count toward nothing in this rule set, each once with how many hold it. */
export function uncountedCertifications(people: readonly Person[], ruleSet: RuleSet): UncountedCertification[] {
  const known = namedIn(ruleSet);
  const holders = new Map<string, Set<string>>();
  for (const person of people) {
    for (const { id } of person.certifications) if (!known.has(id)) holders.set(id, (holders.get(id) ?? new Set()).add(person.personId));
  }
  return [...holders]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([certification, who]) => ({
      certification,
      people: who.size,
      note: `no metric or gate of rule set ${ruleSet.id} counts ${certification}: it counts nowhere`,
    }));
}
