import { z } from 'zod';
import { MAX_USAGE_ROWS, UsageRow } from './api.js';
import { CustomerFacts, Person } from './facts.js';
import { uniqueIds } from './partner.js';
import { IsoDate } from './primitives.js';

/** Hypothetical extra data: customers and people are added (or replace the same id); usage adds to a month. */
export const WhatIfRequest = z
  .strictObject({
    asOf: IsoDate.optional(),
    customers: z.array(CustomerFacts).max(1000).default([]),
    people: z.array(Person).max(1000).default([]),
    usage: z.array(UsageRow).max(MAX_USAGE_ROWS).default([]),
  })
  .superRefine((request, ctx) => {
    uniqueIds(request.customers, (c) => c.customerId, 'customer', 'customerId', ctx, ['customers']);
    uniqueIds(request.people, (p) => p.personId, 'person', 'personId', ctx, ['people']);
  });
export type WhatIfRequest = z.infer<typeof WhatIfRequest>;
export type WhatIfRequestInput = z.input<typeof WhatIfRequest>;
