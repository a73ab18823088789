import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc.js';
import { z } from 'zod';
import { today } from '../shared/clock.js';
import { badRequest, fieldsOf, NO_PARTNER } from './edge/refusals.js';
import { json } from './edge/respond.js';
import { parse, queryObject } from './edge/request.js';
import { ErrorBody, PartnerPath } from '../shared/model/api.js';
import { HistoryQuery } from '../shared/model/jobs.js';
import { handled } from './edge/http.js';
import { registerHttp } from './edge/registry.js';
import { adapters } from './edge/composition.js';

dayjs.extend(utc);

const History = z.object({
  partnerId: z.string(),
  from: z.string(),
  to: z.string(),
  days: z.array(z.object({ day: z.string(), computedAt: z.string(), summary: z.unknown() })),
  /** Present when more days follow: pass it back as `continuation`, with the same from and to. */
  continuation: z.string().optional(),
});

registerHttp({
  name: 'getHistory',
  route: 'partners/{partnerId}/history',
  method: 'GET',
  role: 'Partner.Reader',
  contract: {
    summary: 'Daily score snapshots between two days (default: the year up to today), oldest first, `limit` days a page (default 100)',
    tag: 'scores',
    params: PartnerPath,
    query: HistoryQuery,
    responses: {
      200: { description: 'a page of snapshots', schema: History },
      400: { description: 'invalid dates, limit or continuation', schema: ErrorBody },
      404: NO_PARTNER,
    },
  },
  handler: handled(async (request) => {
    const { partnerId } = parse(PartnerPath, request.params, 'path');
    const query = parse(HistoryQuery, queryObject(request), 'query');
    const to = query.to ?? today();
    const from = query.from ?? dayjs.utc(to).subtract(1, 'year').format('YYYY-MM-DD');
    if (from > to) throw badRequest([{ path: 'query.from', message: 'from must not be after to' }]);
    await adapters().partners.profiles.requirePartner(partnerId);
    const page = await fieldsOf('query', adapters().partners.snapshots.page(partnerId, from, to, query.limit, query.continuation));
    return json(200, {
      partnerId,
      from,
      to,
      days: page.items.map((s) => ({ day: s.day, computedAt: s.computedAt, summary: s.summary })),
      ...(page.continuation ? { continuation: page.continuation } : {}),
    });
  }),
});
