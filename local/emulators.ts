import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { createHttpServer } from '@vercel/cosmosdb-server';
import QueueServerModule from 'azurite/dist/src/queue/QueueServer.js';
import QueueConfigurationModule from 'azurite/dist/src/queue/QueueConfiguration.js';

export interface Emulator {
  stop(): Promise<void>;
  /** How many requests the emulator has served: what the benchmark counts. */
  requests(): number;
}

/** Azurite's well-known development account (public, documented; not a secret). */
export const DEV_ACCOUNT = 'devstoreaccount1';
export const DEV_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

/** @vercel/cosmosdb-server over plain HTTP, in this process. Any key is accepted. */
export async function startCosmosEmulator(port = 0): Promise<Emulator & { endpoint: string }> {
  const server = createHttpServer();
  server.listen(port, '127.0.0.1');
  await once(server, 'listening');
  const { port: bound } = server.address() as AddressInfo;
  let requests = 0;
  server.on('request', () => requests++);
  return {
    endpoint: `http://127.0.0.1:${bound}`,
    requests: () => requests,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A CommonJS class export reached through ESM: node gives the exports object, bundlers the class. */
function interop<T>(module: T): T {
  return typeof module === 'function' ? module : (module as unknown as { default: T }).default;
}

/** Azurite's queue service in memory, in this process. */
export async function startQueueEmulator(port = 0): Promise<Emulator & { connectionString: string }> {
  const QueueServer = interop(QueueServerModule);
  const QueueConfiguration = interop(QueueConfigurationModule);
  // Positional: host, port, keep-alive, db paths, persistence, access log, debug log, loose, skipApiVersionCheck, certs, oauth, product-style URLs, in memory.
  const config = new QueueConfiguration(
    '127.0.0.1',
    port,
    undefined,
    undefined,
    undefined,
    undefined,
    false,
    undefined,
    false,
    undefined,
    false,
    true,
    '',
    '',
    '',
    undefined,
    false,
    true,
  );
  const server = new QueueServer(config);
  await server.start();
  const bound = server.getHttpServerAddress().split(':').pop();
  let requests = 0;
  server.httpServer.on('request', () => requests++);
  return {
    requests: () => requests,
    connectionString: `DefaultEndpointsProtocol=http;AccountName=${DEV_ACCOUNT};AccountKey=${DEV_KEY};QueueEndpoint=http://127.0.0.1:${bound}/${DEV_ACCOUNT};`,
    stop: async () => {
      await server.close();
      await server.clean();
    },
  };
}
