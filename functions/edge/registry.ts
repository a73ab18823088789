import type { z } from 'zod';
import type { RouteRole } from '../../shared/auth/roles.js';
import { withCors } from './cors.js';
import { guarded } from './guard.js';
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
  handler: (message: unknown, context: InvocationContextT) => Promise<void>;
}

export type Registration = HttpRegistration | TimerRegistration | QueueRegistration;

/**
 * Every function, registered with Azure Functions through `app` and kept here too, so the local
 * host and the OpenAPI document read the very same list Azure sees.
 */
export const registrations: Registration[] = [];

export function registerHttp(declared: Omit<HttpRegistration, 'kind' | 'authLevel'>): void {
  const registration: HttpRegistration = { kind: 'http', ...declared, authLevel: 'anonymous', handler: withCors(guarded(declared, declared.handler)) };
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

export function registerQueue(registration: Omit<QueueRegistration, 'kind'>): void {
  registrations.push({ kind: 'queue', ...registration });
  app.storageQueue(registration.name, { queueName: registration.queueName, connection: registration.connection, handler: registration.handler });
}
