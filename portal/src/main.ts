import './styles.css';
import { html, render } from 'lit';
import { apiClient, type Api } from './api.js';
import { pastedCredentials } from './auth.js';
import { entraConfigFrom, entraCredentials } from './entra.js';
import { entraClient } from './entraClient.js';
import { LOADING, settle, type Loaded } from './loaded.js';
import type { Rules } from './types.js';
import { closePartner, dashboardView, openPartner } from './views/dashboard.js';
import { closePartners, openPartners, partnersView } from './views/partners.js';
import { signInView } from './views/signIn.js';

/** What every view may use: the API, a redraw, and the way back to sign-in. */
export interface Context {
  api: Api;
  rules: Loaded<Rules>;
  redraw(): void;
  unauthorized(message: string): void;
}

// The demo partner `npm start` loads; a portal team sets its own at build time.
const DEFAULT_PARTNER = import.meta.env.VITE_DEFAULT_PARTNER ?? 'contoso-jp';
// Entra ID when the build names an app registration (Azure); else the function key or a pasted token (local).
const entra = entraConfigFrom(import.meta.env);
const credentials = entra ? entraCredentials(await entraClient(entra), entra.scopes) : pastedCredentials();
const root = document.getElementById('app')!;
let signInMessage: string | undefined;

const context: Context = {
  api: apiClient(import.meta.env.VITE_API_BASE ?? '/api', credentials),
  rules: LOADING,
  redraw: () => draw(),
  unauthorized(message) {
    credentials.signOut();
    closePartner();
    closePartners();
    signInMessage = message;
    draw();
  },
};

type Route = { view: 'partners' } | { view: 'partner'; partnerId: string; asOf?: string };
function route(): Route {
  const path = location.hash.replace(/^#\/?/, '');
  if (path === 'partners') return { view: 'partners' };
  const partner = /^partners\/([^/?]+)/.exec(path);
  const asOf = new URLSearchParams(path.split('?')[1] ?? '').get('asOf') ?? undefined;
  return { view: 'partner', partnerId: partner ? decodeURIComponent(partner[1]!) : DEFAULT_PARTNER, ...(asOf ? { asOf } : {}) };
}

function start(): void {
  context.rules = LOADING;
  void settle(context.api.rules(), context.unauthorized).then((rules) => {
    context.rules = rules;
    draw();
  });
  navigate();
}

function navigate(): void {
  if (!credentials.signedIn()) return draw();
  const current = route();
  if (current.view === 'partners') openPartners(context);
  else openPartner(context, current.partnerId, current.asOf);
  draw();
}

function draw(): void {
  if (!credentials.signedIn()) {
    render(
      signInView(signInMessage, entra !== undefined, (key) => {
        credentials.signIn(key);
        signInMessage = undefined;
        start();
        // The form that had focus is gone: give it to the page's content, where a screen reader continues.
        document.getElementById('main')?.focus();
      }),
      root,
    );
    return;
  }
  const current = route();
  render(
    html` <header class="top">
        <span class="brand">Partner capability</span>
        <nav aria-label="Main">
          <a
            href="#/partners/${encodeURIComponent(current.view === 'partner' ? current.partnerId : DEFAULT_PARTNER)}"
            aria-current=${current.view === 'partner' ? 'page' : 'false'}
            >Dashboard</a
          >
          <a href="#/partners" aria-current=${current.view === 'partners' ? 'page' : 'false'}>Partners</a>
          <button class="link" @click=${() => context.unauthorized('Signed out.')}>Sign out</button>
        </nav>
      </header>
      <main id="main" tabindex="-1">${current.view === 'partners' ? partnersView(context) : dashboardView(context)}</main>`,
    root,
  );
}

window.addEventListener('hashchange', navigate);
if (credentials.signedIn()) start();
else draw();
