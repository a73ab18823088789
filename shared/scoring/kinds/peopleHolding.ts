import type { Contributor, PartEvaluator } from './types.js';

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
    const used = named.filter((id) => person.held.has(id));
    contributors.push({ type: 'person', id: person.personId, contribution: 1, months: [], note: `holds ${used.join(', ')}` });
  }
  return { value: contributors.length, contributors };
};
