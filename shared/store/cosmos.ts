import { CosmosClient, type Container, type CosmosClientOptions } from '@azure/cosmos';
import { azureCredential } from '../identity.js';
import { settings, type Settings } from '../settings.js';

/** A key where one is set (the emulator, local runs); otherwise Entra ID with the app's identity, as in Azure. */
export function cosmosClientOptions(s: Pick<Settings, 'COSMOS_ENDPOINT' | 'COSMOS_KEY' | 'AZURE_CLIENT_ID'>): CosmosClientOptions {
  return {
    endpoint: s.COSMOS_ENDPOINT,
    ...(s.COSMOS_KEY ? { key: s.COSMOS_KEY } : { aadCredentials: azureCredential(s) }),
    // The emulator is a single region; discovery would only add round trips.
    connectionPolicy: { enableEndpointDiscovery: !s.COSMOS_ENDPOINT.startsWith('http://') },
  };
}

export function cosmosClient(): CosmosClient {
  return new CosmosClient(cosmosClientOptions(settings()));
}

export const PARTITION_KEY_PATH = '/partnerId';

/** The partners container (created by the local host, by Bicep in Azure), for the composition root to build the stores on. */
export function partnersContainerFor(s: Settings): Container {
  return new CosmosClient(cosmosClientOptions(s)).database(s.COSMOS_DATABASE).container(s.COSMOS_CONTAINER);
}

/**
 * Queries filter on these alone; indexing every month and certification would make each write of
 * a customer bucket cost RUs in proportion to its thousands of fields.
 */
export const INDEXING_POLICY = {
  indexingMode: 'consistent' as const,
  automatic: true,
  includedPaths: [{ path: '/type/?' }, { path: '/day/?' }, { path: '/partnerId/?' }, { path: '/anniversaryMonthDay/?' }, { path: '/at/?' }],
  excludedPaths: [{ path: '/*' }],
};

/** Per-item TTL on, with no default: snapshots and staged uploads carry their own `ttl`; everything else stays. */
export const DEFAULT_TTL = -1;

export async function ensureContainers(): Promise<void> {
  const { COSMOS_DATABASE, COSMOS_CONTAINER } = settings();
  const { database } = await cosmosClient().databases.createIfNotExists({ id: COSMOS_DATABASE });
  await database.containers.createIfNotExists({
    id: COSMOS_CONTAINER,
    partitionKey: { paths: [PARTITION_KEY_PATH] },
    indexingPolicy: INDEXING_POLICY,
    defaultTtl: DEFAULT_TTL,
  });
}
