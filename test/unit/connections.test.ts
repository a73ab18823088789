import { DefaultAzureCredential } from '@azure/identity';
import { describe, expect, it } from 'vitest';
import { queueServiceFor } from '../../shared/queue/queues.js';
import { SettingsSchema } from '../../shared/settings.js';
import { cosmosClientOptions } from '../../shared/store/cosmos.js';

const DEV =
  'DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;QueueEndpoint=http://127.0.0.1:10001/devstoreaccount1;';

describe('connections: keys locally, identities in Azure', () => {
  it('Cosmos DB with a key uses the key', () => {
    const options = cosmosClientOptions({ COSMOS_ENDPOINT: 'http://127.0.0.1:8081', COSMOS_KEY: 'k', AZURE_CLIENT_ID: undefined });
    expect(options.key).toBe('k');
    expect(options.aadCredentials).toBeUndefined();
  });

  it('Cosmos DB without a key signs in with Entra ID', () => {
    const options = cosmosClientOptions({
      COSMOS_ENDPOINT: 'https://pcs-cosmos.documents.azure.com:443/',
      COSMOS_KEY: undefined,
      AZURE_CLIENT_ID: '00000000-0000-0000-0000-000000000001',
    });
    expect(options.key).toBeUndefined();
    expect(options.aadCredentials).toBeInstanceOf(DefaultAzureCredential);
    expect(options.connectionPolicy?.enableEndpointDiscovery).toBe(true);
  });

  it('queues with a connection string use it; with a queue endpoint, the identity', () => {
    const local = queueServiceFor({
      AzureWebJobsStorage: DEV,
      AzureWebJobsStorage__queueServiceUri: undefined,
      AZURE_CLIENT_ID: undefined,
    });
    expect(local.url).toBe('http://127.0.0.1:10001/devstoreaccount1');
    const azure = queueServiceFor({
      AzureWebJobsStorage: undefined,
      AzureWebJobsStorage__queueServiceUri: 'https://pcsst.queue.core.windows.net/',
      AZURE_CLIENT_ID: 'x',
    });
    expect(azure.url).toBe('https://pcsst.queue.core.windows.net/');
    // The SDK keeps the credential protected; reading it is the only way to see which one was chosen.
    expect((azure as unknown as { credential: unknown }).credential).toBeInstanceOf(DefaultAzureCredential);
  });

  it('settings need one way to reach storage; an empty setting counts as absent', () => {
    const base = { COSMOS_ENDPOINT: 'http://127.0.0.1:8081' };
    expect(SettingsSchema.safeParse({ ...base, AzureWebJobsStorage: '' }).error?.issues[0]?.message).toMatch(
      /set AzureWebJobsStorage .* or AzureWebJobsStorage__queueServiceUri/,
    );
    expect(
      SettingsSchema.parse({ ...base, AzureWebJobsStorage__queueServiceUri: 'https://pcsst.queue.core.windows.net/', COSMOS_KEY: '' })
        .COSMOS_KEY,
    ).toBeUndefined();
  });
});
