import { html, type TemplateResult } from 'lit';
import { ApiError } from './api.js';

/** One API answer as a view sees it: on its way, there, or the API's sentence for why not. */
export type Loaded<T> = { state: 'loading' } | { state: 'ok'; value: T } | { state: 'error'; message: string; status: number };

export const LOADING = { state: 'loading' } as const;

export async function settle<T>(promise: Promise<T>, onUnauthorized: (message: string) => void): Promise<Loaded<T>> {
  try {
    return { state: 'ok', value: await promise };
  } catch (error) {
    const status = error instanceof ApiError ? error.status : 0;
    const message = error instanceof Error ? error.message : String(error);
    if (status === 401) onUnauthorized(message);
    return { state: 'error', message, status };
  }
}

/** The view of a loaded value, or a status line; errors are shown as the API worded them. */
export function when<T>(loaded: Loaded<T>, view: (value: T) => TemplateResult | string, what = 'data'): TemplateResult | string {
  if (loaded.state === 'ok') return view(loaded.value);
  if (loaded.state === 'loading') return html`<p class="muted" aria-live="polite">Loading ${what}…</p>`;
  return html`<p class="error" role="alert" data-error><strong>Error:</strong> ${loaded.message}</p>`;
}
