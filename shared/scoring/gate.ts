import type { GateStep } from '../../rules/schema.js';
import type { PersonOnDay } from './context.js';

export interface GateRequirement {
  /** The step's certifications in words ("a or b"). */
  certification: string;
  anyOf: string[];
  atLeastPeople: number;
  people: number;
  met: boolean;
  /** What the step earns on its own when met (SMB steps: 4). */
  points: number;
}

export interface GateResult {
  passed: boolean;
  /** Points the met steps earn by themselves, whether or not every step is met. */
  points: number;
  requirements: GateRequirement[];
  /** Why the gate failed, in words; absent when it passed. */
  reason?: string;
}

/**
 * Skilling steps that must all be met before the metric's people earn anything, e.g. at least 2
 * people hold Azure Administrator; an SMB step earns its own points as soon as it is met.
 */
export function evaluateGate(gate: readonly GateStep[], people: readonly PersonOnDay[]): GateResult {
  const requirements = gate.map((step) => {
    const count = people.filter((p) => step.anyOf.some((id) => p.held.has(id))).length;
    const met = count >= step.atLeastPeople;
    return {
      certification: step.anyOf.join(' or '),
      anyOf: step.anyOf,
      atLeastPeople: step.atLeastPeople,
      people: count,
      met,
      points: met ? step.points : 0,
    };
  });
  const points = requirements.reduce((sum, r) => sum + r.points, 0);
  const unmet = requirements.filter((r) => !r.met);
  if (unmet.length === 0) return { passed: true, points, requirements };
  return {
    passed: false,
    points,
    requirements,
    reason: unmet
      .map((r) => `needs ${r.atLeastPeople} ${r.atLeastPeople === 1 ? 'person' : 'people'} holding ${r.certification}, has ${r.people}`)
      .join('; '),
  };
}

export function missingForGate(gate: GateResult): string[] {
  return gate.requirements
    .filter((r) => !r.met)
    .map((r) => {
      const n = r.atLeastPeople - r.people;
      return `${n} more ${n === 1 ? 'person' : 'people'} holding ${r.certification}`;
    });
}
