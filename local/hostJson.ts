import { readFileSync } from 'node:fs';
import { z } from 'zod';

/** The parts of host.json the local host honours, as the Functions host reads them. */
const TimeSpan = z
  .string()
  .regex(/^\d{2}:\d{2}:\d{2}$/)
  .transform((s) => {
    const [h, m, sec] = s.split(':').map(Number);
    return ((h! * 60 + m!) * 60 + sec!) * 1000;
  });

export const HostJson = z.object({
  extensions: z
    .object({
      queues: z
        .object({
          batchSize: z.number().int().min(1).max(32).default(16),
          newBatchThreshold: z.number().int().min(0).optional(),
          maxDequeueCount: z.number().int().min(1).default(5),
          visibilityTimeout: TimeSpan.default(0),
          maxPollingInterval: TimeSpan.default(60_000),
          messageEncoding: z.enum(['base64', 'none']).default('base64'),
        })
        .prefault({}),
      http: z.object({ routePrefix: z.string().default('api') }).prefault({}),
    })
    .prefault({}),
});

export type QueueSettings = z.infer<typeof HostJson>['extensions']['queues'];

export function readHostJson(path = new URL('../host.json', import.meta.url)): z.infer<typeof HostJson> {
  return HostJson.parse(JSON.parse(readFileSync(path, 'utf8')));
}
