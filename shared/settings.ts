import { z } from 'zod';
import { describeIssues } from './model/issues.js';

/** Every app setting the code reads, with its default. The README's settings table mirrors this. */
export const SettingsSchema = z.object({
  COSMOS_ENDPOINT: z.string().url(),
  COSMOS_KEY: z.string().min(1),
  COSMOS_DATABASE: z.string().min(1).default('partner-capability'),
  COSMOS_CONTAINER: z.string().min(1).default('partners'),
  /** Storage connection string; the queue triggers and the recompute queue use it. */
  AzureWebJobsStorage: z.string().min(1),
  MAX_REQUEST_BYTES: z.coerce.number().int().positive().default(4 * 1024 * 1024),
});
export type Settings = z.infer<typeof SettingsSchema>;

let cached: Settings | undefined;

export function settings(): Settings {
  if (!cached) {
    const parsed = SettingsSchema.safeParse(process.env);
    if (!parsed.success) throw new Error(`app settings: ${describeIssues(parsed.error)}`);
    cached = parsed.data;
  }
  return cached;
}

/** For the local host and tests, which set the environment before the first use. */
export function resetSettings(): void {
  cached = undefined;
}
