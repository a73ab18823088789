import type { RouteRole } from '../../shared/auth/roles.js';

export const SECURITY_SCHEMES = {
  entraId: {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description:
      "An Entra ID access token for the API's app registration; its `roles` claim carries the app role (Program.Operator, Partner.Admin, Partner.Reader).",
  },
  functionKeyHeader: { type: 'apiKey', in: 'header', name: 'x-functions-key', description: 'The server-to-server key; operator rights.' },
  functionKeyQuery: { type: 'apiKey', in: 'query', name: 'code', description: 'The server-to-server key; operator rights.' },
};

const ERROR = {
  content: {
    'application/json': {
      schema: { type: 'object', properties: { error: { type: 'string' }, message: { type: 'string' } }, required: ['error', 'message'] },
    },
  },
};

/** An operation's security: the role it needs (as the bearer scheme's scope and `x-required-role`) and its refusals. */
export function routeSecurity(r: { role: RouteRole }): Record<string, unknown> {
  if (r.role === 'anonymous') return { security: [] };
  return {
    security: [{ entraId: [r.role] }, { functionKeyHeader: [] }, { functionKeyQuery: [] }],
    'x-required-role': r.role,
  };
}

/** The 401 and 403 every guarded operation may answer. */
export function securityResponses(role: RouteRole): Record<string, unknown> {
  if (role === 'anonymous') return {};
  return {
    401: { description: 'no credentials, or a token or key that is not valid (see WWW-Authenticate)', ...ERROR },
    403: { description: `a valid token without the role ${role}, or without access to this partner`, ...ERROR },
  };
}
