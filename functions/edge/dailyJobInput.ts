import { today } from '../../shared/clock.js';
import { badRequest, issuesIn } from './refusals.js';
import { fieldIssues } from '../../shared/model/issues.js';
import { DailyJobInput } from '../../shared/model/jobs.js';
import type { InvocationContextT } from './runtime.js';

/** The day a daily job runs as of: today (UTC), or the `asOf` given through the admin endpoint, to replay a year locally. */
export function jobDay(context: InvocationContextT): string {
  const input = DailyJobInput.safeParse(context.triggerMetadata?.adminInput ?? undefined);
  // A refusal value: the admin endpoint answers it as a 400.
  if (!input.success) throw badRequest(issuesIn('input', fieldIssues(input.error)));
  return input.data.asOf ?? today();
}
