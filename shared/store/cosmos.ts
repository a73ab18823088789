import { CosmosClient, type Container } from '@azure/cosmos';
import { settings } from '../settings.js';

let container: Container | undefined;

export function cosmosClient(): CosmosClient {
  const { COSMOS_ENDPOINT, COSMOS_KEY } = settings();
  return new CosmosClient({
    endpoint: COSMOS_ENDPOINT,
    key: COSMOS_KEY,
    // The emulator is a single region; discovery would only add round trips.
    connectionPolicy: { enableEndpointDiscovery: !COSMOS_ENDPOINT.startsWith('http://') },
  });
}

export const PARTITION_KEY_PATH = '/partnerId';

/** The partners container, created on first use by the local host and by Bicep in Azure. */
export function partnersContainer(): Container {
  if (!container) {
    const { COSMOS_DATABASE, COSMOS_CONTAINER } = settings();
    container = cosmosClient().database(COSMOS_DATABASE).container(COSMOS_CONTAINER);
  }
  return container;
}

/**
 * Queries filter on these alone; indexing every month and certification would make each write of
 * a customer bucket cost RUs in proportion to its thousands of fields.
 */
export const INDEXING_POLICY = {
  indexingMode: 'consistent' as const,
  automatic: true,
  includedPaths: [{ path: '/type/?' }, { path: '/day/?' }, { path: '/partnerId/?' }],
  excludedPaths: [{ path: '/*' }],
};

export async function ensureContainers(): Promise<void> {
  const { COSMOS_DATABASE, COSMOS_CONTAINER } = settings();
  const { database } = await cosmosClient().databases.createIfNotExists({ id: COSMOS_DATABASE });
  await database.containers.createIfNotExists({ id: COSMOS_CONTAINER, partitionKey: { paths: [PARTITION_KEY_PATH] }, indexingPolicy: INDEXING_POLICY });
}

export function resetContainer(): void {
  container = undefined;
}
