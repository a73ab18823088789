import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc.js';
import fc from 'fast-check';
import { rules } from '../../rules/index.js';
import { addMonths, evaluationMonthOf } from '../../shared/dates.js';
import { CustomerFacts, Person, type CustomerFactsInput, type MonthUsageInput } from '../../shared/model/facts.js';
import { PartnerFacts } from '../../shared/model/partner.js';
import { ASSOCIATION_TYPES } from '../../shared/model/primitives.js';

dayjs.extend(utc);

const EPOCH = dayjs.utc('2020-01-01');
const dayAt = (offset: number) => EPOCH.add(offset, 'day').format('YYYY-MM-DD');
/** 2022-10-03 .. 2026-12-31, as offsets from 2020-01-01. */
const asOfOffset = fc.integer({ min: 1006, max: 2556 });
const anyDay = fc.integer({ min: 0, max: 2556 });

const SERVICES = [
  ['Azure Firewall', 'infrastructure'],
  ['Virtual Machines', 'infrastructure'],
  ['Azure Backup', 'infrastructure'],
  ['Azure SQL Database', 'dataAi'],
  ['Azure App Service', 'digitalAppInnovation'],
  ['Microsoft Sentinel', 'security'],
] as const;

export const monthUsage: fc.Arbitrary<MonthUsageInput> = fc.record({
  paidSeats: fc.integer({ min: 0, max: 60 }),
  activeUsers: fc.integer({ min: 0, max: 60 }),
  protectedUsers: fc.integer({ min: 0, max: 60 }),
  azureServices: fc.array(
    fc
      .record({ service: fc.constantFrom(...SERVICES), acrUsd: fc.integer({ min: 0, max: 3000 }) })
      .map(({ service, acrUsd }) => ({ name: service[0], area: service[1], acrUsd })),
    { maxLength: 3 },
  ),
  bizApps: fc.oneof(
    fc.record({ revenueUsd: fc.integer({ min: 0, max: 3000 }), mcv: fc.integer({ min: 0, max: 60000 }) }),
    fc.record({
      workloads: fc.array(
        fc.record({
          workload: fc.constantFrom('Sales', 'Business Central', 'Power Apps', 'Customer Insights', 'Finance'),
          revenueUsd: fc.integer({ min: 0, max: 3000 }),
          units: fc.integer({ min: 0, max: 80 }),
        }),
        { maxLength: 3 },
      ),
    }),
  ),
});

const association = fc
  .record({
    type: fc.constantFrom(...ASSOCIATION_TYPES),
    from: anyDay,
    length: fc.option(fc.integer({ min: 0, max: 1200 }), { nil: undefined }),
  })
  .map(({ type, from, length }) => ({ type, from: dayAt(from), ...(length === undefined ? {} : { to: dayAt(from + length) }) }));

/** Months relative to the evaluation month: 0 = M, −12 = Y, down to −25. */
const relativeMonths = fc.dictionary(fc.integer({ min: -25, max: 1 }).map(String), monthUsage, { maxKeys: 14 });

function customerAt(
  id: string,
  evaluationMonth: string,
  raw: { months: Record<string, MonthUsageInput> } & Omit<CustomerFactsInput, 'customerId' | 'months'>,
): CustomerFacts {
  const months: Record<string, MonthUsageInput> = {};
  for (const [offset, usage] of Object.entries(raw.months)) months[addMonths(evaluationMonth, Number(offset))] = usage;
  return CustomerFacts.parse({ ...raw, customerId: id, months });
}

const customerRaw = fc.record({
  idType: fc.constantFrom('tenant' as const, 'tpid' as const),
  segment: fc.constantFrom('smb' as const, 'enterprise' as const),
  country: fc.constantFrom('JP', 'US', 'CN'),
  production: fc.boolean(),
  associations: fc.array(association, { maxLength: 3 }),
  months: relativeMonths,
});

const certificationIds = rules.certifications.map((c) => c.id);

export const person = (id: string) =>
  fc
    .record({
      linkedOn: anyDay,
      unlinkedAfter: fc.option(fc.integer({ min: 1, max: 1500 }), { nil: undefined }),
      certifications: fc.array(
        fc.record({
          id: fc.constantFrom(...certificationIds),
          earnedOn: anyDay,
          validFor: fc.option(fc.integer({ min: 1, max: 1500 }), { nil: undefined }),
        }),
        { maxLength: 5 },
      ),
    })
    .map((p) =>
      Person.parse({
        personId: id,
        linkedOn: dayAt(p.linkedOn),
        ...(p.unlinkedAfter === undefined ? {} : { unlinkedOn: dayAt(p.linkedOn + p.unlinkedAfter) }),
        certifications: p.certifications.map((c) => ({
          id: c.id,
          earnedOn: dayAt(c.earnedOn),
          ...(c.validFor === undefined ? {} : { expiresOn: dayAt(c.earnedOn + c.validFor) }),
        })),
      }),
    );

export interface Scenario {
  asOf: string;
  facts: PartnerFacts;
}

export const scenario: fc.Arbitrary<Scenario> = fc
  .record({
    asOf: asOfOffset,
    customers: fc.array(customerRaw, { maxLength: 8 }),
    people: fc.array(fc.constant(null), { maxLength: 12 }).chain((slots) => fc.tuple(...slots.map((_, i) => person(`u${i}`)))),
  })
  .map(({ asOf, customers, people }) => {
    const day = dayAt(asOf);
    const m = evaluationMonthOf(day);
    return {
      asOf: day,
      facts: PartnerFacts.parse({
        partner: { partnerId: 'p', name: 'P', country: 'JP' },
        customers: customers.map((c, i) => customerAt(`c${i}`, m, c)),
        people,
      }),
    };
  });

/**
 * A customer that can only help: associated through every type since before any window,
 * with no usage up to and including Y, and any usage after, except that paid seats are 0 or at
 * least 25 (Security counts a tenant going from ≥ 25 to 0 as −1 even if it grew from 1, not 0).
 */
const helpfulUsage = fc
  .tuple(monthUsage, fc.oneof(fc.constant(0), fc.integer({ min: 25, max: 60 })))
  .map(([usage, paidSeats]) => ({ ...usage, paidSeats }));

export const helpfulCustomer = (asOf: string, segment: 'smb' | 'enterprise') =>
  fc
    .record({ production: fc.boolean(), after: fc.dictionary(fc.integer({ min: -11, max: 0 }).map(String), helpfulUsage, { maxKeys: 12 }) })
    .map(({ production, after }) =>
      customerAt('helpful', evaluationMonthOf(asOf), {
        idType: 'tenant',
        country: 'JP',
        // The partner's own Azure segment: a customer of the other kind may move it to the other track.
        segment,
        production,
        associations: ASSOCIATION_TYPES.map((type) => ({ type, from: '2019-01-01' })),
        months: after,
      }),
    );

/**
 * A tenant eligible on the SMB paths in M (11–300 paid licences, CPOR since before any window) whose
 * active and protected users did not fall since Y: it can only add to an SMB path.
 */
export const smbTenant = (asOf: string) =>
  fc
    .record({
      seatsNow: fc.integer({ min: 11, max: 300 }),
      seatsThen: fc.integer({ min: 0, max: 400 }),
      usersThen: fc.integer({ min: 0, max: 300 }),
      moreUsers: fc.integer({ min: 0, max: 300 }),
      protectedThen: fc.integer({ min: 0, max: 300 }),
      moreProtected: fc.integer({ min: 0, max: 300 }),
      production: fc.boolean(),
    })
    .map((t) =>
      customerAt('smb-tenant', evaluationMonthOf(asOf), {
        idType: 'tenant',
        country: 'JP',
        production: t.production,
        associations: [{ type: 'CPOR', from: '2019-01-01' }],
        months: {
          '-12': { paidSeats: t.seatsThen, activeUsers: t.usersThen, protectedUsers: t.protectedThen },
          '0': { paidSeats: t.seatsNow, activeUsers: t.usersThen + t.moreUsers, protectedUsers: t.protectedThen + t.moreProtected },
        },
      }),
    );
