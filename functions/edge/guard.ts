import { authorize, isOperator } from '../../shared/auth/authorize.js';
import type { Caller, RouteRole } from '../../shared/auth/roles.js';
import { errorResponse, refusalResponse } from './respond.js';
import { actorOf, auditWrite, isAuditedWrite } from './auditWrite.js';
import { authenticate, unauthorized } from './authenticate.js';
import type { HttpRequestT, HttpResponseInit, InvocationContextT } from './runtime.js';
import { adapters } from './composition.js';

type Handler = (request: HttpRequestT, context: InvocationContextT) => Promise<HttpResponseInit>;

export interface Authorized {
  caller: Caller;
  /** The partners the caller's tenant is mapped to (empty for operators, who see every partner). */
  partners: ReadonlySet<string>;
}

// Keyed by the request object itself: a handler can only ever see its own caller.
const authorizedCalls = new WeakMap<object, Authorized>();

/** The caller of a request that passed the guard; a handler of an anonymous route has none. */
export function callerOf(request: HttpRequestT): Authorized {
  const found = authorizedCalls.get(request);
  if (!found) throw new Error('callerOf: this request did not pass the guard (is the route anonymous?)');
  return found;
}

const partnerIdOf = (params: Record<string, string>) => (Object.hasOwn(params, 'partnerId') ? params.partnerId : undefined);

/**
 * Every HTTP route's edge: authenticate (401), authorize against the route's role and the caller's
 * partners (403), run the handler, and record a successful write in the audit trail.
 */
export function guarded(route: { name: string; route: string; method: string; role: RouteRole }, handler: Handler): Handler {
  if (route.role === 'anonymous') return handler;
  const required = route.role;
  return async (request, context) => {
    try {
      const authenticated = await authenticate(request);
      if (!authenticated.ok) return unauthorized(authenticated.reason, request.headers.get('authorization') !== null);
      const { caller } = authenticated;
      const partners = caller.kind === 'user' && !isOperator(caller) ? await adapters().access.partnersOf(caller.tid) : new Set<string>();
      const forbidden = authorize(caller, required, partnerIdOf(request.params), partners);
      if (forbidden) return refusalResponse(forbidden);
      authorizedCalls.set(request, { caller, partners });
      const response = await handler(request, context);
      if (isAuditedWrite(route, response)) {
        // The write has landed: an error now would have the caller repeat it. A record that still cannot
        // be written after the retries is logged in full, for the operators to restore.
        await auditWrite(route, request.params, caller, response).catch((error: unknown) =>
          context.error(
            `audit record not written for ${route.name} ${JSON.stringify(request.params)} by ${JSON.stringify(actorOf(caller))}`,
            error,
          ),
        );
      }
      return response;
    } catch (error) {
      return errorResponse(error, context);
    }
  };
}
