import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import type { HttpRegistration, Registration } from '../functions/edge/registry.js';
import { HttpRequest } from '../functions/edge/runtime.js';
import { invocationContext, type Log } from './invoke.js';
import { z } from 'zod';
import { setLocalToday, today } from '../shared/clock.js';
import { describeIssues } from '../shared/model/issues.js';
import { IsoDate } from '../shared/model/primitives.js';
import { answerTo, refusalOf } from '../functions/edge/refusals.js';

/** `PUT /admin/clock`: the day the API takes as today (choices, payments), to replay a past year; null goes back to the system clock. */
const LocalClockBody = z.strictObject({ today: IsoDate.nullable() });

/** `POST /admin/functions/{name}`: `{"input": …}`, as the Functions host takes it. */
const AdminBody = z.strictObject({ input: z.unknown().optional() });
const MASTER_KEY_NEEDED = 'the admin API needs the master key (x-functions-key header or ?code=)';

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return Symbol('not JSON');
  }
}

function safeDecode(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}
import { compileRoutes, matchRoute } from './routing.js';
import { servePortal } from './portal.js';

export interface HttpServerOptions {
  registrations: readonly Registration[];
  routePrefix: string;
  functionKey: string;
  /** The host's master key: the admin endpoints take it alone; the API takes it as well as the function key, as in Azure. */
  masterKey: string;
  log: Log;
  /** The admin endpoint: run a non-HTTP function now, with the given input. */
  invokeNonHttp: (registration: Registration, input: unknown) => Promise<void>;
}

// Bodies are read whole before the function sees them; beyond this the host refuses them itself.
const HOST_BODY_LIMIT = 64 * 1024 * 1024;

function send(response: ServerResponse, status: number, body?: unknown, headers: Record<string, string> = {}): void {
  const text = body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body);
  response.writeHead(status, {
    ...(body !== undefined && typeof body !== 'string' ? { 'Content-Type': 'application/json; charset=utf-8' } : {}),
    ...headers,
  });
  response.end(text);
}

async function readBody(request: IncomingMessage): Promise<Buffer | 'too-large'> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > HOST_BODY_LIMIT) return 'too-large';
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function keyMatches(given: string | null, expected: string): boolean {
  if (given === null) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Serves the registered HTTP functions like the Functions host: route prefix, function keys, admin invocation. */
export function createHostServer(options: HttpServerOptions): Server {
  const http = options.registrations.filter((r): r is HttpRegistration => r.kind === 'http');
  const routes = compileRoutes(http);
  const prefix = `/${options.routePrefix}/`;

  return createServer(async (request, response) => {
    try {
      const url = new URL(request.url ?? '/', `http://${request.headers.host ?? 'localhost'}`);
      const key = request.headers['x-functions-key']?.toString() ?? url.searchParams.get('code');

      if (url.pathname === '/admin/clock' && request.method === 'PUT') {
        if (!keyMatches(key, options.masterKey)) return send(response, 401, { error: 'unauthorized', message: MASTER_KEY_NEEDED });
        const body = await readBody(request);
        const parsed = LocalClockBody.safeParse(body === 'too-large' ? undefined : safeJson(body.toString('utf8')));
        if (!parsed.success) return send(response, 400, { error: 'invalid_request', message: `body: ${describeIssues(parsed.error)}` });
        setLocalToday(parsed.data.today ?? undefined);
        return send(response, 200, { today: today() });
      }

      const admin = /^\/admin\/functions\/([^/]+)$/.exec(url.pathname);
      if (admin && request.method === 'POST') {
        // As in Azure, the admin API takes the master key, not a function key.
        if (!keyMatches(key, options.masterKey)) return send(response, 401, { error: 'unauthorized', message: MASTER_KEY_NEEDED });
        const name = safeDecode(admin[1]!);
        if (name === undefined)
          return send(response, 400, { error: 'invalid_request', message: `the path ${url.pathname} holds a malformed percent-encoding` });
        const registration = options.registrations.find((r) => r.name.toLowerCase() === name.toLowerCase());
        if (!registration) return send(response, 404, { error: 'not_found', message: `no function ${admin[1]}` });
        if (registration.kind === 'http')
          return send(response, 400, { error: 'invalid_request', message: 'HTTP functions are called on their route' });
        const body = await readBody(request);
        if (body === 'too-large')
          return send(response, 413, { error: 'payload_too_large', message: `the host accepts at most ${HOST_BODY_LIMIT} bytes` });
        const text = body.toString('utf8');
        const envelope = AdminBody.safeParse(text.trim() === '' ? {} : safeJson(text));
        if (!envelope.success)
          return send(response, 400, {
            error: 'invalid_request',
            message: `body: expected {"input": …}: ${describeIssues(envelope.error)}`,
          });
        try {
          await options.invokeNonHttp(registration, envelope.data.input);
        } catch (error) {
          // The function refused its input (a value, not a failure): 400 with its reason.
          const refusal = refusalOf(error);
          if (!refusal) throw error;
          const { status, body } = answerTo(refusal);
          return send(response, status, body);
        }
        return send(response, 202);
      }

      // Beside the API and the admin endpoint: the portal's page and files, when built.
      const portalPath =
        !url.pathname.startsWith(prefix) && !url.pathname.startsWith('/admin/') && (request.method === 'GET' || request.method === 'HEAD');
      if (portalPath && servePortal(url.pathname, response)) return;
      if (!url.pathname.startsWith(prefix)) return send(response, 404, { error: 'not_found', message: `no route ${url.pathname}` });
      const matched = matchRoute(routes, request.method ?? 'GET', url.pathname.slice(prefix.length));
      if (matched === 'bad-encoding')
        return send(response, 400, { error: 'invalid_request', message: `the path ${url.pathname} holds a malformed percent-encoding` });
      if (matched === 'not-found') return send(response, 404, { error: 'not_found', message: `no route ${url.pathname}` });
      if (matched === 'method-not-allowed')
        return send(response, 405, { error: 'method_not_allowed', message: `${request.method} is not allowed on ${url.pathname}` });

      const { registration, params } = matched;
      // Every route is anonymous at the host: the app's guard checks the token or the function key.
      const body = await readBody(request);
      if (body === 'too-large')
        return send(response, 413, { error: 'payload_too_large', message: `the host accepts at most ${HOST_BODY_LIMIT} bytes` });

      const headers = Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : (v ?? '')]));
      const httpRequest = new HttpRequest({
        method: request.method ?? 'GET',
        url: url.toString(),
        headers,
        query: Object.fromEntries(url.searchParams.entries()),
        params,
        ...(body.length > 0 ? { body: { bytes: body } } : {}),
      });
      const result = await registration.handler(httpRequest, invocationContext(registration.name, options.log));
      const resultHeaders = Object.fromEntries(Object.entries((result.headers ?? {}) as Record<string, string>));
      if (result.jsonBody !== undefined) return send(response, result.status ?? 200, result.jsonBody, resultHeaders);
      return send(
        response,
        result.status ?? 200,
        result.body === undefined || result.body === null ? undefined : String(result.body),
        resultHeaders,
      );
    } catch (error) {
      options.log(`host error: ${(error as Error).stack ?? String(error)}`);
      if (!response.headersSent) send(response, 500, { error: 'internal', message: 'the local host failed to run the function' });
    }
  });
}
