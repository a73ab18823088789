import { expect } from 'vitest';
import { todayUtc } from '../../shared/clock.js';
import type { ScoreDocument } from '../../shared/scoring/index.js';
import { bodyOf, startTestHost, type TestHost } from '../integration/testHost.js';
import { launchBrowser, type TestBrowser } from './browser.js';

export const dayBefore = (days: number) => new Date(Date.parse(todayUtc()) - days * 86_400_000).toISOString().slice(0, 10);
export const ADMIN = (personId: string, day: string) => ({
  personId,
  linkedOn: day,
  certifications: [{ id: 'azure-administrator-associate', earnedOn: day }],
});

export interface Portal {
  host: TestHost;
  browser: TestBrowser;
  /** GET /scores of the demo partner, today. */
  scores: ScoreDocument;
  stop(): Promise<void>;
}

/**
 * The portal as a person sees it: `npm start`'s host (demo partner loaded, today's snapshot
 * stored) serving the built page beside the API, and one headless Chromium for the test file.
 */
export async function startPortal(prepare: (host: TestHost) => Promise<void> = async () => {}): Promise<Portal> {
  const host = await startTestHost({ demo: true });
  await host.drained();
  await prepare(host);
  const scores = await bodyOf(await host.api('/api/partners/contoso-jp/scores'));
  const browser = await launchBrowser();
  return {
    host,
    browser,
    scores,
    async stop() {
      await browser.close();
      await host.stop();
    },
  };
}

export async function createPartner(host: TestHost, partnerId: string, name: string): Promise<void> {
  expect((await host.api('/api/partners', { method: 'POST', json: { partnerId, name, country: 'JP' } })).status).toBe(201);
}
