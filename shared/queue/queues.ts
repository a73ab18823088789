import { QueueServiceClient, type QueueClient } from '@azure/storage-queue';
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

export interface RecomputeMessage {
  partnerId: string;
  reason: string;
}

export async function enqueueRecompute(message: RecomputeMessage): Promise<void> {
  await queue(settings().RECOMPUTE_QUEUE).sendMessage(encodeMessage(message));
}

/** The queues the app uses, each with the `-poison` twin the host moves failing messages to. */
export function queueNames(): string[] {
  const name = settings().RECOMPUTE_QUEUE;
  return [name, `${name}-poison`];
}

export async function ensureQueues(): Promise<void> {
  for (const name of queueNames()) await queue(name).createIfNotExists();
}

export function resetQueues(): void {
  service = undefined;
}
