import type { Container } from '@azure/cosmos';
import type { PartnerProfile } from '../model/partner.js';
import { queryPage } from './continuation.js';
import type { Page } from './partnerViews.js';

/** Partners a page at a time, in id order: for the API and for the daily jobs' fan-outs. */
export class PartnerListings {
  constructor(private readonly container: Container) {}

  async listPartners(limit: number, continuation?: string): Promise<Page<PartnerProfile>> {
    const page = await queryPage<{ profile: PartnerProfile }>(
      this.container,
      'partners',
      { query: "SELECT c.profile FROM c WHERE c.type = 'partner' ORDER BY c.partnerId" },
      limit,
      continuation,
    );
    return { ...page, items: page.items.map((r) => r.profile) };
  }

  /** Partner ids, for the nightly fan-out. */
  async listPartnerIds(limit: number, continuation?: string): Promise<Page<string>> {
    const page = await queryPage<{ partnerId: string }>(
      this.container,
      'partnerIds',
      { query: "SELECT c.partnerId FROM c WHERE c.type = 'partner' ORDER BY c.partnerId" },
      limit,
      continuation,
    );
    return { ...page, items: page.items.map((r) => r.partnerId) };
  }

  /** Partners whose anniversary falls on one of these month-days, for the daily renewal job. */
  partnersWithAnniversaryOn(
    monthDays: readonly string[],
    limit: number,
    continuation?: string,
  ): Promise<Page<{ partnerId: string; anniversary: string }>> {
    return queryPage(
      this.container,
      `anniversaries ${monthDays.join(' ')}`,
      {
        query:
          "SELECT c.partnerId, c.profile.anniversary FROM c WHERE c.type = 'partner' AND ARRAY_CONTAINS(@monthDays, c.anniversaryMonthDay) ORDER BY c.partnerId",
        parameters: [{ name: '@monthDays', value: [...monthDays] }],
      },
      limit,
      continuation,
    );
  }
}
