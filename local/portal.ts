import { createReadStream, existsSync, readdirSync, statSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The portal's sources and the bundle Vite makes of them (`portal/dist`, git-ignored). */
export const PORTAL_ROOT = fileURLToPath(new URL('../portal/', import.meta.url));
export const PORTAL_DIST = join(PORTAL_ROOT, 'dist');

function newestChange(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newestChange(join(path, name))));
}

/** Whether the bundle is missing or older than a source file, the page or the Vite config. */
export function portalStale(): boolean {
  const built = join(PORTAL_DIST, 'index.html');
  if (!existsSync(built)) return true;
  const sources = ['src', 'public', 'index.html', 'vite.config.ts'].map((p) => join(PORTAL_ROOT, p)).filter(existsSync);
  return Math.max(...sources.map(newestChange)) > statSync(built).mtimeMs;
}

/** Builds the portal when stale, so `npm start` and `npm test` never serve an old page; Vite is loaded only then. */
export async function ensurePortalBuilt(log: (line: string) => void = console.log): Promise<void> {
  if (!portalStale()) return;
  const started = Date.now();
  const { build } = await import('vite');
  await build({ configFile: join(PORTAL_ROOT, 'vite.config.ts'), logLevel: 'warn' });
  log(`portal built into ${PORTAL_DIST} in ${Date.now() - started} ms`);
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

/**
 * Serves the built portal like the Static Web App does: files by path, any other page path
 * falls back to index.html. Returns false when there is no bundle to serve.
 */
export function servePortal(pathname: string, response: ServerResponse, dist = PORTAL_DIST): boolean {
  const index = join(dist, 'index.html');
  if (!existsSync(index)) return false;
  const wanted = normalize(join(dist, decodeURIComponent(pathname)));
  const inside = wanted.startsWith(dist + sep) && existsSync(wanted) && statSync(wanted).isFile();
  const file = inside ? wanted : index;
  // Hashed assets never change; the page itself must be fetched fresh to pick up a new build.
  const cache = file.includes(`${sep}assets${sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache';
  response.writeHead(200, {
    'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
    'Cache-Control': cache,
    'X-Content-Type-Options': 'nosniff',
  });
  createReadStream(file).pipe(response);
  return true;
}
