import type { PartEvaluator } from './types.js';

/** People linked on D who hold, on D, at least one certification of every required group. */
export const peopleHolding: PartEvaluator<'peopleHolding'> = (part, ctx) => {
  const contributors = [];
  for (const person of ctx.people) {
    const used = part.requires.map((group) => group.filter((id) => person.held.has(id)));
    if (used.every((found) => found.length > 0)) {
      contributors.push({ type: 'person' as const, id: person.personId, contribution: 1, months: {}, note: `holds ${used.flat().join(', ')}` });
    }
  }
  return { value: contributors.length, contributors };
};
