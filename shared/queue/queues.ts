import { QueueServiceClient, type QueueClient } from '@azure/storage-queue';
import type { RecomputeMessage } from '../model/jobs.js';
import { settings } from '../settings.js';

let service: QueueServiceClient | undefined;

export function queueService(): QueueServiceClient {
  return (service ??= QueueServiceClient.fromConnectionString(settings().AzureWebJobsStorage));
}

export function queue(name: string): QueueClient {
  return queueService().getQueueClient(name);
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

export async function enqueueRecompute(message: RecomputeMessage): Promise<void> {
  await queue(RECOMPUTE_QUEUE).sendMessage(encodeMessage(message));
}

/** The queues the app uses, each with its `-poison` twin. */
export function queueNames(): string[] {
  return [RECOMPUTE_QUEUE, `${RECOMPUTE_QUEUE}-poison`];
}

export async function ensureQueues(): Promise<void> {
  for (const name of queueNames()) await queue(name).createIfNotExists();
}

export function resetQueues(): void {
  service = undefined;
}
