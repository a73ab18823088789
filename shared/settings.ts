import { z } from 'zod';
import { describeIssues } from './model/issues.js';
import { AUTH_SETTINGS } from './auth/settings.js';

// An app setting present but empty counts as absent (local.settings.example.json lists them all).
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' ? undefined : v), schema.optional());

export const MIN_SNAPSHOT_TTL_DAYS = 400;
export const DEFAULT_SNAPSHOT_TTL_DAYS = 400;

/**
 * Every app setting the code reads, with its default. The README's settings table, the example
 * local settings and the Bicep app settings mirror this, and a test keeps them in step.
 * Keys locally, identities in Azure: with no COSMOS_KEY the Cosmos DB client signs in with
 * Entra ID; with no AzureWebJobsStorage connection string, the queue client does.
 */
export const SettingsSchema = z
  .object({
    COSMOS_ENDPOINT: z.string().url(),
    COSMOS_KEY: optional(z.string().min(1)),
    COSMOS_DATABASE: z.string().min(1).default('partner-capability'),
    COSMOS_CONTAINER: z.string().min(1).default('partners'),
    /** Storage connection string (local); the queue triggers use the same setting. */
    AzureWebJobsStorage: optional(z.string().min(1)),
    /** Identity-based storage connection (Azure), as the Functions host reads it too. */
    AzureWebJobsStorage__queueServiceUri: optional(z.string().url()),
    /** The user-assigned managed identity to sign in with. */
    AZURE_CLIENT_ID: optional(z.string().min(1)),
    MAX_REQUEST_BYTES: z.coerce
      .number()
      .int()
      .positive()
      .default(4 * 1024 * 1024),
    /** How long a daily snapshot is kept. A renewal reads back to the start of its window (rules allow up to 12 months before the anniversary) plus the fee grace: never less than 400 days. */
    SNAPSHOT_TTL_DAYS: z.coerce
      .number()
      .int()
      .min(MIN_SNAPSHOT_TTL_DAYS, `at least ${MIN_SNAPSHOT_TTL_DAYS} days, to keep every renewal window`)
      .max(3650)
      .default(DEFAULT_SNAPSHOT_TTL_DAYS),
    /**
     * The key continuation tokens are signed with (HMAC-SHA256), so a caller cannot forge one. Unset:
     * derived from FUNCTIONS_KEY, else random per process (tokens then last one process only).
     */
    CONTINUATION_SECRET: optional(z.string().min(32, 'at least 32 characters')),
    ...AUTH_SETTINGS,
  })
  .refine((s) => s.AzureWebJobsStorage !== undefined || s.AzureWebJobsStorage__queueServiceUri !== undefined, {
    message: 'set AzureWebJobsStorage (a connection string) or AzureWebJobsStorage__queueServiceUri (with a managed identity)',
    path: ['AzureWebJobsStorage'],
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
