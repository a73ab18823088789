import type { Credentials } from './auth.js';
import type {
  ApiErrorBody,
  BadgeList,
  BenefitList,
  DesignationList,
  History,
  PartnerPage,
  Partner,
  RenewalList,
  Rules,
  ScoreDocument,
  WhatIfBody,
  WhatIfResult,
} from './types.js';

/** An answer other than 2xx, carrying the sentence the API sent so the page can show it as it is. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function errorOf(response: Response): Promise<ApiError> {
  const text = await response.text();
  try {
    const body = JSON.parse(text) as Partial<ApiErrorBody>;
    if (typeof body.message === 'string') return new ApiError(response.status, body.message);
  } catch {
    // not JSON: a proxy or the platform answered; fall through to the status line
  }
  return new ApiError(response.status, text.trim() || `${response.status} ${response.statusText}`);
}

const enc = encodeURIComponent;

/** The API calls the portal makes; `base` is `/api` beside the page, or the function app's URL. */
export function apiClient(base: string, credentials: Credentials) {
  async function call<T>(path: string, init: RequestInit = {}): Promise<T> {
    const headers = { ...(await credentials.headers()), ...(init.body ? { 'content-type': 'application/json' } : {}) };
    const response = await fetch(`${base}${path}`, { ...init, headers });
    if (!response.ok) throw await errorOf(response);
    return (await response.json()) as T;
  }
  const partner = (id: string) => `/partners/${enc(id)}`;
  return {
    partners: (limit: number, continuation?: string) =>
      call<PartnerPage>(`/partners?limit=${limit}${continuation ? `&continuation=${enc(continuation)}` : ''}`),
    partner: (id: string) => call<Partner>(partner(id)),
    scores: (id: string, asOf?: string) => call<ScoreDocument>(`${partner(id)}/scores${asOf ? `?asOf=${asOf}` : ''}`),
    history: (id: string, from?: string, to?: string) =>
      call<History>(
        `${partner(id)}/history${from || to ? `?${new URLSearchParams({ ...(from ? { from } : {}), ...(to ? { to } : {}) })}` : ''}`,
      ),
    designations: (id: string) => call<DesignationList>(`${partner(id)}/designations`),
    badges: (id: string) => call<BadgeList>(`${partner(id)}/badges`),
    renewals: (id: string) => call<RenewalList>(`${partner(id)}/renewals`),
    benefits: (id: string) => call<BenefitList>(`${partner(id)}/benefits`),
    whatIf: (id: string, body: WhatIfBody) => call<WhatIfResult>(`${partner(id)}/what-if`, { method: 'POST', body: JSON.stringify(body) }),
    rules: () => call<Rules>('/rules'),
  };
}
export type Api = ReturnType<typeof apiClient>;
