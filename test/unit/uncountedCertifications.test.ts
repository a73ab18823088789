import { describe, expect, it } from 'vitest';
import { ruleSetFor } from '../../rules/index.js';
import { ScoreDocumentSchema } from '../../shared/model/scoreDocument.js';
import { scorePartner, toScoreDocument } from '../../shared/scoring/index.js';
import { AS_OF, person } from './builders.js';

const partner = { partnerId: 'p', name: 'P', country: 'JP', locations: [] };

describe('a certification no rule counts is accepted, and the explanation says it counts nowhere', () => {
  it('names each such certification once, with how many hold it; known ones are not named', () => {
    const people = [
      person(['azure-administrator-associate', 'some-vendor-certification']),
      person(['some-vendor-certification']),
      person(['another-unknown-one']),
    ];
    const document = toScoreDocument(scorePartner({ partner, customers: [], people }, ruleSetFor(AS_OF), AS_OF));
    expect(document.uncountedCertifications).toEqual([
      {
        certification: 'another-unknown-one',
        people: 1,
        note: 'no metric or gate of rule set 2024-07 counts another-unknown-one: it counts nowhere',
      },
      {
        certification: 'some-vendor-certification',
        people: 2,
        note: 'no metric or gate of rule set 2024-07 counts some-vendor-certification: it counts nowhere',
      },
    ]);
    expect(ScoreDocumentSchema.parse(document)).toEqual(document);
  });

  it('a partner whose certifications all count has no such list', () => {
    const document = scorePartner(
      { partner, customers: [], people: [person(['azure-administrator-associate'])] },
      ruleSetFor(AS_OF),
      AS_OF,
    );
    expect(document.uncountedCertifications).toBeUndefined();
  });
});
