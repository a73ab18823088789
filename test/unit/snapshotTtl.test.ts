import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc.js';
import { describe, expect, it } from 'vitest';
import { renewalTerms } from '../../rules/index.js';
import { RenewalTerms } from '../../rules/lifecycleSchema.js';
import { renewalWindowStart } from '../../shared/lifecycle/anniversary.js';
import { MIN_SNAPSHOT_TTL_DAYS, SettingsSchema } from '../../shared/settings.js';

dayjs.extend(utc);

const base = { COSMOS_ENDPOINT: 'http://127.0.0.1:1', AzureWebJobsStorage: 'UseDevelopmentStorage=true' };
const lookBackDays = (anniversary: string, terms: RenewalTerms) =>
  dayjs.utc(anniversary).diff(dayjs.utc(renewalWindowStart(anniversary, terms)), 'day');
const anniversaries = ['2024-02-29', '2025-02-28', '2025-03-31', '2025-12-31', '2026-01-01', '2027-07-15'];

describe('snapshots live long enough for every renewal window', () => {
  it('the shortest TTL the settings allow outlasts the renewal window of the rules in force, and of the longest window the rules may ever give', () => {
    const longest = RenewalTerms.parse({ ...renewalTerms, windowStartMonthsBefore: RenewalTerms.shape.windowStartMonthsBefore.maxValue });
    for (const a of anniversaries) {
      expect(lookBackDays(a, renewalTerms)).toBeLessThan(MIN_SNAPSHOT_TTL_DAYS);
      expect(lookBackDays(a, longest)).toBeLessThan(MIN_SNAPSHOT_TTL_DAYS);
    }
  });

  it('SNAPSHOT_TTL_DAYS defaults to 400 and refuses less', () => {
    expect(SettingsSchema.parse(base).SNAPSHOT_TTL_DAYS).toBe(400);
    expect(SettingsSchema.safeParse({ ...base, SNAPSHOT_TTL_DAYS: '90' }).success).toBe(false);
    expect(SettingsSchema.parse({ ...base, SNAPSHOT_TTL_DAYS: '730' }).SNAPSHOT_TTL_DAYS).toBe(730);
  });
});
