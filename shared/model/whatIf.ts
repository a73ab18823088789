import { z } from 'zod';
import { CustomerFacts, MonthUsage, Person } from './facts.js';
import { Identifier, IsoDate, MonthKey } from './primitives.js';

/** Hypothetical extra data: customers and people are added (or replace the same id); usage adds to a month. */
export const WhatIfRequest = z.strictObject({
  asOf: IsoDate.optional(),
  customers: z.array(CustomerFacts).max(1000).default([]),
  people: z.array(Person).max(1000).default([]),
  usage: z
    .array(z.strictObject({ customerId: Identifier, month: MonthKey, usage: MonthUsage }))
    .max(5000)
    .default([]),
});
export type WhatIfRequest = z.infer<typeof WhatIfRequest>;
export type WhatIfRequestInput = z.input<typeof WhatIfRequest>;
