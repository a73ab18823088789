import { once } from 'node:events';
import { existsSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import type { QueueRegistration, Registration, TimerRegistration } from '../functions/edge/registry.js';
import { setLocalToday, todayUtc } from '../shared/clock.js';
import { polledQueue } from '../shared/queue/polled.js';
import { resetSettings } from '../shared/settings.js';
import { ensureContainers } from '../shared/store/cosmos.js';
import { loadDemoPartners } from './demo.js';
import { DEMO_TENANT, DEMO_TENANT_PARTNERS, devIssuerSettings } from './devIssuer.js';
import { startCosmosEmulator, startQueueEmulator, type Emulator } from './emulators.js';
import { readHostJson, type QueueSettings } from './hostJson.js';
import { createHostServer } from './httpServer.js';
import { invocationContext, type Log } from './invoke.js';
import { startQueueTriggers } from './queueTriggers.js';
import { startTimers, timerInfo } from './timers.js';
import { adapters, resetAdapters } from '../functions/edge/composition.js';

export interface LocalHostOptions {
  /** 7071 like the Functions host; 0 for any free port. */
  port?: number;
  /** App settings on top of the environment and local.settings.json. */
  settings?: Record<string, string>;
  queueSettings?: Partial<QueueSettings>;
  timers?: boolean;
  demo?: boolean;
  /** How long a message being handled stays invisible (600 s); a crash test shortens it so a restarted host sees what the dead one had taken. */
  processingLeaseSeconds?: number;
  log?: Log;
}

export interface LocalHost {
  url: string;
  functionKey: string;
  /** The admin endpoints' key (FUNCTIONS_MASTER_KEY, or random), distinct from the function key. */
  masterKey: string;
  registrations: readonly Registration[];
  settings: Record<string, string>;
  loadedDemoPartners: string[];
  /** The emulators this host started (none where the settings named real resources). */
  emulators: { cosmos?: Emulator; queues?: Emulator };
  stop(): Promise<void>;
}

function localSettingsFile(): Record<string, string> {
  const file = new URL('../local.settings.json', import.meta.url);
  if (!existsSync(file)) return {};
  return (JSON.parse(readFileSync(file, 'utf8')) as { Values?: Record<string, string> }).Values ?? {};
}

/** Loads the function app: importing its entry point registers every function, exactly as in Azure. */
async function loadFunctionApp(): Promise<readonly Registration[]> {
  const warn = console.warn;
  // Outside the Functions worker, @azure/functions notes each registration it skips; the list is ours.
  console.warn = (...args: unknown[]) => {
    if (!String(args[0]).includes('test mode')) warn(...args);
  };
  try {
    return (await import('../functions/index.js')).registrations;
  } finally {
    console.warn = warn;
  }
}

/**
 * The local stand-in for the Functions host: emulators unless the settings point at real
 * resources, the function app's own registrations, HTTP on the route prefix with function keys,
 * timers, queue triggers and the admin endpoint.
 */
export async function startLocalHost(options: LocalHostOptions = {}): Promise<LocalHost> {
  const log = options.log ?? ((line: string) => console.log(line));
  const settings: Record<string, string> = { ...localSettingsFile(), ...pick(process.env), ...options.settings };
  const emulators: Emulator[] = [];
  const started: LocalHost['emulators'] = {};
  if (!settings.COSMOS_ENDPOINT) {
    const cosmos = await startCosmosEmulator();
    emulators.push(cosmos);
    started.cosmos = cosmos;
    settings.COSMOS_ENDPOINT = cosmos.endpoint;
    settings.COSMOS_KEY = 'local-emulator-accepts-any-key';
  }
  if (
    !settings.AzureWebJobsStorage__queueServiceUri &&
    (!settings.AzureWebJobsStorage || settings.AzureWebJobsStorage === 'UseDevelopmentStorage=true')
  ) {
    const queues = await startQueueEmulator();
    emulators.push(queues);
    started.queues = queues;
    settings.AzureWebJobsStorage = queues.connectionString;
  }
  // Without an Entra tenant configured, the app trusts this checkout's development issuer (npm run token).
  if (!settings.AUTH_TENANT_ID) Object.assign(settings, devIssuerSettings());
  const functionKey = settings.FUNCTIONS_KEY || randomBytes(24).toString('base64url');
  settings.FUNCTIONS_KEY = functionKey;
  Object.assign(process.env, settings);
  resetSettings();
  resetAdapters();
  await ensureContainers();
  await adapters().queues.ensure();

  const registrations = await loadFunctionApp();
  const hostJson = readHostJson();
  const queueSettings = { ...hostJson.extensions.queues, ...options.queueSettings };
  const masterKey = settings.FUNCTIONS_MASTER_KEY || randomBytes(24).toString('base64url');
  if (masterKey === functionKey)
    throw new Error('FUNCTIONS_MASTER_KEY must differ from FUNCTIONS_KEY: the admin API takes the master key alone');

  const invokeNonHttp = async (registration: Registration, input: unknown) => {
    const context = invocationContext(registration.name, log, { adminInput: input });
    if (registration.kind === 'timer') await registration.handler(timerInfo(new Date(), new Date()), context);
    else if (registration.kind === 'queue') await registration.handler(input, context);
  };
  const server = createHostServer({
    registrations,
    routePrefix: hostJson.extensions.http.routePrefix,
    functionKey,
    masterKey,
    log,
    invokeNonHttp,
  });
  server.listen(options.port ?? 7071, '127.0.0.1');
  await once(server, 'listening');
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const timers =
    options.timers === false
      ? undefined
      : startTimers(
          registrations.filter((r): r is TimerRegistration => r.kind === 'timer'),
          log,
        );
  const triggers = startQueueTriggers(
    registrations.filter((r): r is QueueRegistration => r.kind === 'queue'),
    (name: string) => polledQueue(adapters().queues.queue(name)),
    queueSettings,
    log,
    options.processingLeaseSeconds,
  );
  const loadedDemoPartners = options.demo ? await loadDemoPartners(adapters().partners, todayUtc()) : [];
  // The demo tenant acts for the demo partner, unless an operator has changed its mapping since.
  if (options.demo && !(await adapters().access.get(DEMO_TENANT)))
    await adapters().access.put(DEMO_TENANT, DEMO_TENANT_PARTNERS, new Date().toISOString());
  // Imported data queues no recompute by itself; ask for one so today's snapshot is there.
  for (const partnerId of loadedDemoPartners) await adapters().queues.enqueueRecompute({ partnerId, reason: 'requested' });

  return {
    url,
    functionKey,
    masterKey,
    registrations,
    settings,
    loadedDemoPartners,
    emulators: started,
    async stop() {
      timers?.stop();
      setLocalToday(undefined);
      await triggers.stop();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      for (const emulator of emulators.reverse()) await emulator.stop();
    },
  };
}

const SETTING_NAMES = [
  'COSMOS_ENDPOINT',
  'COSMOS_KEY',
  'COSMOS_DATABASE',
  'COSMOS_CONTAINER',
  'AzureWebJobsStorage',
  'AzureWebJobsStorage__queueServiceUri',
  'AZURE_CLIENT_ID',
  'MAX_REQUEST_BYTES',
  'SNAPSHOT_TTL_DAYS',
  'FUNCTIONS_KEY',
  'FUNCTIONS_MASTER_KEY',
  'CONTINUATION_SECRET',
  'AUTH_TENANT_ID',
  'AUTH_AUDIENCE',
  'AUTH_ISSUER',
  'AUTH_JWKS_URI',
  'AUTH_LOCAL_JWKS',
  'CORS_ALLOWED_ORIGINS',
];

function pick(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(SETTING_NAMES.flatMap((name) => (env[name] ? [[name, env[name]!]] : [])));
}
