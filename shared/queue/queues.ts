import { QueueServiceClient, type QueueClient } from '@azure/storage-queue';
import type { RecomputeMessage, RenewalMessage } from '../model/jobs.js';
import { azureCredential } from '../identity.js';
import type { Settings } from '../settings.js';

/** The connection string where one is set (Azurite, local runs); otherwise the queue endpoint with the app's identity. */
export function queueServiceFor(
  s: Pick<Settings, 'AzureWebJobsStorage' | 'AzureWebJobsStorage__queueServiceUri' | 'AZURE_CLIENT_ID'>,
): QueueServiceClient {
  if (s.AzureWebJobsStorage) return QueueServiceClient.fromConnectionString(s.AzureWebJobsStorage);
  return new QueueServiceClient(s.AzureWebJobsStorage__queueServiceUri!, azureCredential(s));
}

/** Messages are base64 JSON, as host.json's messageEncoding tells the Functions host to expect. */
export function encodeMessage(body: unknown): string {
  return Buffer.from(JSON.stringify(body)).toString('base64');
}

export function decodeMessage(text: string): unknown {
  const raw = Buffer.from(text, 'base64').toString('utf8');
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}

/** Partners to recompute; the Functions host moves what keeps failing to its `-poison` twin. */
export const RECOMPUTE_QUEUE = 'recompute';

/** Renewal steps (preview, renew, fee check) for one partner and one anniversary each. */
export const RENEWAL_QUEUE = 'renewals';

/** The queues the app uses, each with its `-poison` twin. */
export function queueNames(): string[] {
  return [RECOMPUTE_QUEUE, RENEWAL_QUEUE].flatMap((q) => [q, `${q}-poison`]);
}

/** The app's queues on one service client, built once by the composition root (functions/edge/composition.ts). */
export class JobQueues {
  constructor(private readonly service: QueueServiceClient) {}

  queue(name: string): QueueClient {
    return this.service.getQueueClient(name);
  }

  async enqueueRecompute(message: RecomputeMessage): Promise<void> {
    await this.queue(RECOMPUTE_QUEUE).sendMessage(encodeMessage(message));
  }

  async enqueueRenewal(message: RenewalMessage): Promise<void> {
    await this.queue(RENEWAL_QUEUE).sendMessage(encodeMessage(message));
  }

  /** Every queue and its poison twin, created where missing (the local host; Bicep creates them in Azure). */
  async ensure(): Promise<void> {
    for (const name of queueNames()) await this.queue(name).createIfNotExists();
  }
}
