import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { PORTAL_DIST } from '../../local/portal.js';

/** The budget for the page's JavaScript, gzipped. */
const BUDGET_BYTES = 250 * 1024;

describe('the portal’s JavaScript budget', () => {
  it('all the JavaScript the page can load is at most 250 KB gzipped', () => {
    const assets = join(PORTAL_DIST, 'assets');
    const scripts = readdirSync(assets).filter((f) => f.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(0);
    // Every script the page names is among them: nothing is loaded from elsewhere.
    const page = readFileSync(join(PORTAL_DIST, 'index.html'), 'utf8');
    const named = [...page.matchAll(/(?:src|href)="\/assets\/([^"]+\.js)"/g)].map((m) => m[1]);
    expect(named.length).toBeGreaterThan(0);
    expect(scripts).toEqual(expect.arrayContaining(named));
    const gzipped = scripts.reduce((sum, f) => sum + gzipSync(readFileSync(join(assets, f)), { level: 9 }).length, 0);
    console.log(`portal JavaScript: ${(gzipped / 1024).toFixed(1)} KB gzipped in ${scripts.length} file(s)`);
    expect(gzipped).toBeLessThanOrEqual(BUDGET_BYTES);
  });
});
