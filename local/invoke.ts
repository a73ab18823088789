import { randomUUID } from 'node:crypto';
import { InvocationContext, type InvocationContextT } from '../functions/edge/runtime.js';

export type Log = (line: string) => void;

/** A context like the host's: an invocation id, the function's name, trigger metadata, logs to our log. */
export function invocationContext(functionName: string, log: Log, triggerMetadata: Record<string, unknown> = {}): InvocationContextT {
  return new InvocationContext({
    invocationId: randomUUID(),
    functionName,
    triggerMetadata,
    logHandler: (level, ...args) =>
      log(
        `[${functionName}] ${level}: ${args.map((a) => (a instanceof Error ? (a.stack ?? a.message) : typeof a === 'string' ? a : JSON.stringify(a))).join(' ')}`,
      ),
  });
}
