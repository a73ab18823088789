import { startLocalHost } from './host.js';
import { ensurePortalBuilt } from './portal.js';

// `npm start`: the whole service on this machine, emulators included, with demo data.
const port = Number(process.env.PORT ?? 7071);
// The portal is served at `/`: rebuilt here when its sources changed since the last build.
await ensurePortalBuilt();
const host = await startLocalHost({ port, demo: true });

const routes = host.registrations.map((r) =>
  r.kind === 'http'
    ? `  ${r.method.padEnd(6)} ${host.url}/api/${r.route}  (${r.role === 'anonymous' ? 'no credentials' : r.role})`
    : `  ${r.kind.padEnd(6)} ${r.name}`,
);
console.log(`
Partner capability service running at ${host.url}
  Portal: ${host.url}/ (sign in with the function key below)
  Cosmos DB: ${host.settings.COSMOS_ENDPOINT}
  Keys go in the x-functions-key header or ?code=. The API takes either key; /admin/* the master key only.
  Function key: ${host.functionKey}
  Master key: ${host.masterKey}
  Demo partners loaded: ${host.loadedDemoPartners.join(', ') || '(already present)'}

Functions:
${routes.join('\n')}

Try: curl -H "x-functions-key: ${host.functionKey}" ${host.url}/api/partners/contoso-jp/scores
 or, as a user of the demo partner's tenant (tokens from this checkout's development issuer):
     TOKEN=$(npm run --silent token -- --role Partner.Reader)
     curl -H "Authorization: Bearer $TOKEN" ${host.url}/api/partners
Ctrl-C stops everything.
`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    console.log('stopping…');
    await host.stop();
    process.exit(0);
  });
}
