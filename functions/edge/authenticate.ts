import { timingSafeEqual } from 'node:crypto';
import { tokenConfig } from '../../shared/auth/settings.js';
import { verifyBearer, type Authenticated } from '../../shared/auth/tokens.js';
import type { RequestLike } from './request.js';
import { json, type HttpResponseInit } from './respond.js';
import { settings } from '../../shared/settings.js';

function keyMatches(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Who is calling: a bearer token from Entra ID (a user, with app roles), or the function key (a
 * server, with operator rights). A request that sends a token is judged by the token alone.
 */
export async function authenticate(request: Pick<RequestLike, 'headers' | 'query'>): Promise<Authenticated> {
  const s = settings();
  const authorization = request.headers.get('authorization');
  if (authorization !== null) {
    const bearer = /^Bearer\s+(\S+)\s*$/i.exec(authorization.trim());
    if (!bearer) return { ok: false, reason: 'the Authorization header must be "Bearer <token>"' };
    const config = tokenConfig(s);
    if (!config) return { ok: false, reason: 'sign-in with Entra ID is not configured on this service' };
    return verifyBearer(bearer[1]!, config);
  }
  const key = request.headers.get('x-functions-key') ?? request.query.get('code');
  if (key !== null)
    return s.FUNCTIONS_KEY !== undefined && keyMatches(key, s.FUNCTIONS_KEY)
      ? { ok: true, caller: { kind: 'functionKey' } }
      : { ok: false, reason: 'the function key is not valid' };
  return { ok: false, reason: 'no credentials: send Authorization: Bearer <token from Entra ID>, or the function key' };
}

const quotable = (text: string) => text.replace(/["\\\r\n]/g, "'");

/** 401 with the challenge RFC 6750 asks for: `invalid_token` when a token was sent and refused. */
export function unauthorized(reason: string, tokenSent: boolean): HttpResponseInit {
  const challenge = `Bearer realm="partner-capability"${tokenSent ? `, error="invalid_token", error_description="${quotable(reason)}"` : ''}`;
  return json(401, { error: 'unauthorized', message: reason }, { 'WWW-Authenticate': challenge });
}
