import { z } from 'zod';
import { CountryCode, Identifier, IsoDate } from './primitives.js';
import { CustomerFacts, Person } from './facts.js';

const PartnerLocation = z.strictObject({
  locationId: Identifier,
  name: z.string().min(1).max(200),
  country: CountryCode,
});

const partnerFields = {
  name: z.string().min(1, 'must not be empty').max(200),
  country: CountryCode,
  /** Membership anniversary; set at the first designation when absent. */
  anniversary: IsoDate.optional(),
  locations: z.array(PartnerLocation).max(1000),
  /** The locations (PLAs) the PGA hands its benefits down to; absent or empty, they stay with the PGA. */
  benefitLocations: z.array(Identifier).max(1000).optional(),
};

/** Benefit locations must be locations of the partner. */
const knownBenefitLocations = (
  profile: { locations: { locationId: string }[]; benefitLocations?: string[] | undefined },
  ctx: z.RefinementCtx,
) => {
  const known = new Set(profile.locations.map((l) => l.locationId));
  profile.benefitLocations?.forEach((id, i) => {
    if (!known.has(id))
      ctx.addIssue({ code: 'custom', path: ['benefitLocations', i], message: `${id} is not one of the partner's locations` });
  });
};

export const PartnerProfile = z
  .strictObject({ partnerId: Identifier, ...partnerFields, locations: partnerFields.locations.default([]) })
  .superRefine(knownBenefitLocations);

/** The fields a PATCH may change; absent fields stay as they are (no defaults here). */
export const PartnerPatch = z.strictObject(partnerFields).partial();
export type PartnerProfile = z.infer<typeof PartnerProfile>;

/** Reports the second and later uses of an id: each customer and each person counts once (SPEC §3.3). */
export function uniqueIds<T>(
  items: readonly T[],
  idOf: (item: T) => string,
  what: string,
  field: string,
  ctx: z.RefinementCtx,
  at: PropertyKey[] = [],
): void {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    const id = idOf(item);
    if (seen.has(id)) ctx.addIssue({ code: 'custom', path: [...at, i, field], message: `${what} ${id} appears more than once` });
    seen.add(id);
  });
}

/** Everything scoring needs about one partner: the shape of the command line's file. */
export const PartnerFacts = z
  .strictObject({
    partner: PartnerProfile,
    customers: z.array(CustomerFacts).default([]),
    people: z.array(Person).default([]),
  })
  .superRefine((facts, ctx) => {
    uniqueIds(facts.customers, (c) => c.customerId, 'customer', 'customerId', ctx, ['customers']);
    uniqueIds(facts.people, (p) => p.personId, 'person', 'personId', ctx, ['people']);
  });
export type PartnerFacts = z.infer<typeof PartnerFacts>;
export type PartnerFactsInput = z.input<typeof PartnerFacts>;
