import { z } from 'zod';
import { CustomerProfile, MonthUsage, PersonProfile } from './facts.js';
import { PartnerPatch, PartnerProfile } from './partner.js';
import { Identifier, IsoDate, KeyQuery, MonthKey } from './primitives.js';

/** Path parameters, validated like bodies: a bad id or month is a 400 naming it. */
export const PartnerPath = z.strictObject({ partnerId: Identifier });
export const CustomerPath = PartnerPath.extend({ customerId: Identifier });
export const MonthPath = CustomerPath.extend({ month: MonthKey });
export const PersonPath = PartnerPath.extend({ personId: Identifier });

export const AsOfQuery = z.strictObject({ asOf: IsoDate.optional(), ...KeyQuery });

export const ListQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  continuation: z.string().max(4000).optional(),
  ...KeyQuery,
});

export const UsageRow = z.strictObject({ customerId: Identifier, month: MonthKey, usage: MonthUsage });
export type UsageRow = z.infer<typeof UsageRow>;

export const MAX_USAGE_ROWS = 5000;
export const UsageUpload = z.strictObject({
  rows: z
    .array(UsageRow)
    .min(1, 'at least one row')
    .max(MAX_USAGE_ROWS, `at most ${MAX_USAGE_ROWS} customer-months per call`)
    .refine(
      (rows) => new Set(rows.map((r) => `${r.customerId} ${r.month}`)).size === rows.length,
      'each customer-month at most once per call',
    ),
});

export const PartnerList = z.object({ items: z.array(PartnerProfile), continuation: z.string().optional() });

export const ErrorBody = z.object({
  error: z.string(),
  message: z.string(),
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});

export { CustomerProfile, MonthUsage, PartnerPatch, PartnerProfile, PersonProfile };
