import type { GateRequirement } from '../../rules/schema.js';
import type { PersonOnDay } from './context.js';

export interface GateResult {
  passed: boolean;
  requirements: { certification: string; atLeastPeople: number; people: number }[];
  /** Why the gate failed, in words; absent when it passed. */
  reason?: string;
}

/** A gate must hold before a metric earns anything, e.g. at least 2 people hold a certification. */
export function evaluateGate(gate: readonly GateRequirement[], people: readonly PersonOnDay[]): GateResult {
  const requirements = gate.map((g) => ({
    certification: g.certification,
    atLeastPeople: g.atLeastPeople,
    people: people.filter((p) => p.held.has(g.certification)).length,
  }));
  const unmet = requirements.filter((r) => r.people < r.atLeastPeople);
  if (unmet.length === 0) return { passed: true, requirements };
  return {
    passed: false,
    requirements,
    reason: unmet.map((r) => `needs ${r.atLeastPeople} people holding ${r.certification}, has ${r.people}`).join('; '),
  };
}

export function missingForGate(gate: GateResult): string[] {
  return gate.requirements
    .filter((r) => r.people < r.atLeastPeople)
    .map((r) => {
      const n = r.atLeastPeople - r.people;
      return `${n} more ${n === 1 ? 'person' : 'people'} holding ${r.certification}`;
    });
}
