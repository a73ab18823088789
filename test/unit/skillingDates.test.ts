import { describe, expect, it } from 'vitest';
import { person, metric } from './builders.js';

const TEAMS = 'teams-administrator-associate';
const mw = (who: ReturnType<typeof person>[], asOf: string) =>
  metric({ people: who }, 'modernWork', 'intermediateCertifications', asOf).value;

describe('who counts on the as-of day', () => {
  it('a person counts from the day they are linked, and not from the day they are unlinked', () => {
    const p = person([TEAMS], { linkedOn: '2025-03-01', unlinkedOn: '2025-06-15' });
    expect(mw([p], '2025-02-28')).toBe(0);
    expect(mw([p], '2025-03-01')).toBe(1);
    expect(mw([p], '2025-06-14')).toBe(1);
    expect(mw([p], '2025-06-15')).toBe(0);
  });

  it('a certification counts from the day it is earned until the day it expires', () => {
    const p = person([], { certifications: [{ id: TEAMS, earnedOn: '2024-06-01', expiresOn: '2025-06-01' }] });
    expect(mw([p], '2024-05-31')).toBe(0);
    expect(mw([p], '2024-06-01')).toBe(1);
    expect(mw([p], '2025-05-31')).toBe(1);
    expect(mw([p], '2025-06-01')).toBe(0);
  });

  it('an expired certification does not count, a renewed one does', () => {
    const p = person([], {
      certifications: [
        { id: TEAMS, earnedOn: '2022-01-01', expiresOn: '2023-01-01' },
        { id: TEAMS, earnedOn: '2024-01-01' },
      ],
    });
    expect(mw([p], '2023-06-01')).toBe(0);
    expect(mw([p], '2024-06-01')).toBe(1);
  });

  it('on 29 February 2024 the evaluation month is January 2024 and skilling counts that very day', () => {
    const p = person([], { linkedOn: '2024-02-29', certifications: [{ id: TEAMS, earnedOn: '2024-02-29' }] });
    expect(mw([p], '2024-02-29')).toBe(1);
    expect(mw([p], '2024-02-28')).toBe(0);
  });
});
