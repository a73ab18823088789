import type { z } from 'zod';
import type { RouteRole } from '../../shared/auth/roles.js';
import { checkMessage, type Refusal } from '../../shared/jobs/messageChecks.js';
import { withCors } from './cors.js';
import { guarded } from './guard.js';
import { latestMessageDay, poison } from './poison.js';
import { app, type HttpRequestT, type HttpResponseInit, type InvocationContextT, type Timer } from './runtime.js';

// OPTIONS serves the CORS preflight alone (corsPreflight.ts).
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'OPTIONS';

/** What an HTTP function accepts and answers, for the OpenAPI document. */
export interface HttpContract {
  summary: string;
  tag: string;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  /** Status → description (and schema where there is one). */
  responses: Record<number, { description: string; schema?: z.ZodType }>;
  /** Writes accept If-Match and answer with an ETag. */
  etag?: boolean;
}

export interface HttpRegistration {
  kind: 'http';
  name: string;
  route: string;
  method: HttpMethod;
  /**
   * The app role the route needs (required: a route cannot forget it). The guard checks it, and
   * for partner roles that the caller's tenant is mapped to the `{partnerId}` in the path.
   */
  role: RouteRole;
  /** Always anonymous at the Functions host: the app authenticates every call itself (tokens carry no function key). */
  authLevel: 'anonymous';
  contract: HttpContract;
  handler: (request: HttpRequestT, context: InvocationContextT) => Promise<HttpResponseInit>;
}

export interface TimerRegistration {
  kind: 'timer';
  name: string;
  /** NCRONTAB with seconds, in UTC. */
  schedule: string;
  handler: (timer: Timer, context: InvocationContextT) => Promise<void>;
}

export interface QueueRegistration {
  kind: 'queue';
  name: string;
  queueName: string;
  /** The app setting holding the storage connection (prefix for identity-based settings). */
  connection: string;
  /** Takes the message as the host decodes it: checked against the declared schema before the declared handler sees it. */
  handler: (message: unknown, context: InvocationContextT) => Promise<void>;
}

/** What a queue function declares: its message's schema, and a handler of the typed message. */
export interface QueueDeclaration<M extends object> extends Omit<QueueRegistration, 'kind' | 'handler'> {
  message: z.ZodType<M>;
  /** Why a message that parses can still never succeed, checked before anything is read. */
  refuse?: Refusal<M>;
  /** Handles a checked message; answers why if it finds that the message can never succeed (having written nothing). */
  handler: (message: M, context: InvocationContextT) => Promise<void | { neverSucceeds: string }>;
}

export type Registration = HttpRegistration | TimerRegistration | QueueRegistration;

/**
 * Every function, registered with Azure Functions through `app` and kept here too, so the local
 * host and the OpenAPI document read the very same list Azure sees.
 */
export const registrations: Registration[] = [];

export function registerHttp(declared: Omit<HttpRegistration, 'kind' | 'authLevel'>): void {
  const registration: HttpRegistration = {
    kind: 'http',
    ...declared,
    authLevel: 'anonymous',
    handler: withCors(guarded(declared, declared.handler)),
  };
  registrations.push(registration);
  app.http(registration.name, {
    route: registration.route,
    methods: [registration.method],
    authLevel: registration.authLevel,
    handler: registration.handler,
  });
}

export function registerTimer(registration: Omit<TimerRegistration, 'kind'>): void {
  registrations.push({ kind: 'timer', ...registration });
  app.timer(registration.name, { schedule: registration.schedule, handler: registration.handler });
}

/**
 * A queue function whose messages are parsed and checked here, once for every queue: a message that
 * can never succeed (it does not parse, its day is out of range, `refuse` or the handler says why)
 * goes to `<queue>-poison` at once with the reason, rather than being retried maxDequeueCount times.
 */
export function registerQueue<M extends object>({ message, refuse, handler, ...declared }: QueueDeclaration<M>): void {
  const registration: QueueRegistration = {
    kind: 'queue',
    ...declared,
    handler: async (raw, context) => {
      const checked = checkMessage(message, raw, latestMessageDay(), refuse);
      if (!checked.ok) return poison(declared.queueName, raw, checked.reason, context);
      const outcome = await handler(checked.message, context);
      if (outcome) await poison(declared.queueName, raw, outcome.neverSucceeds, context);
    },
  };
  registrations.push(registration);
  app.storageQueue(registration.name, {
    queueName: registration.queueName,
    connection: registration.connection,
    handler: registration.handler,
  });
}
