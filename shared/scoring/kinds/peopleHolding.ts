import type { Contributor, MonthValue, PartEvaluator } from './types.js';

// A person's contribution reads no month: every one shares this empty, frozen list.
const NO_MONTHS = Object.freeze([]) as unknown as MonthValue[];

function holdsEveryGroup(held: ReadonlySet<string>, requires: readonly (readonly string[])[]): boolean {
  for (const group of requires) {
    let found = false;
    for (const id of group) if (held.has(id)) found = true;
    if (!found) return false;
  }
  return true;
}

const namedLists = new WeakMap<readonly (readonly string[])[], readonly string[]>();

/** Every certification a part names, in the rules' order: listed once per part of the rules, not per partner. */
function namedIn(requires: readonly (readonly string[])[]): readonly string[] {
  let named = namedLists.get(requires);
  if (!named) namedLists.set(requires, (named = requires.flat()));
  return named;
}

/** People linked on D who hold, on D, at least one certification of every required group. */
export const peopleHolding: PartEvaluator<'peopleHolding'> = (part, ctx) => {
  const contributors: Contributor[] = [];
  const named = namedIn(part.requires);
  for (const person of ctx.people) {
    if (!holdsEveryGroup(person.held, part.requires)) continue;
    let note = 'holds';
    for (const id of named) if (person.held.has(id)) note += note.length === 5 ? ` ${id}` : `, ${id}`;
    contributors.push({ type: 'person', id: person.personId, contribution: 1, months: NO_MONTHS, note });
  }
  return { value: contributors.length, contributors };
};
