import { html, nothing } from 'lit';
import type { Context } from '../main.js';
import { AREAS, AREA_NAMES, AREA_SHORT, addDays, points, todayUtc } from '../format.js';
import { LOADING, settle, when, type Loaded } from '../loaded.js';
import type { History, Partner, PartnerPage } from '../types.js';

const PAGE_SIZES = [5, 20, 50, 100];

interface ListState {
  pageSize: number;
  /** tokens[i] opens page i; page 0 needs none. */
  tokens: (string | undefined)[];
  page: number;
  current: Loaded<PartnerPage>;
  /** Every partner seen on the pages opened so far: what the search looks through. */
  seen: Map<string, Partner>;
  search: string;
  glance: Map<string, Loaded<History>>;
}

let list: ListState | undefined;

function openPage(context: Context, page: number) {
  const state = list!;
  const size = state.pageSize;
  state.page = page;
  state.current = LOADING;
  context.redraw();
  void settle(context.api.partners(size, state.tokens[page]), context.unauthorized).then((loaded) => {
    // An answer to a page or page size no longer asked for is dropped.
    if (list !== state || state.page !== page || state.pageSize !== size) return;
    state.current = loaded;
    if (loaded.state === 'ok') {
      state.tokens[page + 1] = loaded.value.continuation;
      for (const p of loaded.value.items) {
        state.seen.set(p.partnerId, p);
        glance(context, p.partnerId);
      }
    }
    context.redraw();
  });
}

/** A partner's qualification at a glance: its latest stored day in the last week (the nightly snapshot, cheap to read). */
function glance(context: Context, partnerId: string) {
  const state = list!;
  if (state.glance.has(partnerId)) return;
  state.glance.set(partnerId, LOADING);
  void settle(context.api.history(partnerId, addDays(todayUtc(), -7), todayUtc()), context.unauthorized).then((loaded) => {
    state.glance.set(partnerId, loaded);
    context.redraw();
  });
}

export function closePartners(): void {
  list = undefined;
}

export function openPartners(context: Context): void {
  if (list) return;
  list = { pageSize: 20, tokens: [undefined], page: 0, current: LOADING, seen: new Map(), search: '', glance: new Map() };
  openPage(context, 0);
}

function chips(history: History) {
  const last = history.days.at(-1);
  if (!last) return html`<span class="muted">no stored score this week</span>`;
  return html` <ul class="chips" aria-label="Qualification on ${last.day}">
      ${AREAS.map((area) => {
        const a = last.summary.areas[area];
        if (!a) return nothing;
        return html`<li class="chip ${a.qualifies ? 'yes' : 'no'}" data-chip=${area} title=${AREA_NAMES[area]}>
          <span aria-hidden="true">${a.qualifies ? '✓' : '✗'}</span> ${AREA_SHORT[area]} ${points(a.score)}
          <span class="sr">${a.qualifies ? 'qualifies' : 'does not qualify'}</span>
        </li>`;
      })}
    </ul>
    <span class="muted small">as of ${last.day}</span>`;
}

function row(partner: Partner) {
  const seen = list!.glance.get(partner.partnerId) ?? LOADING;
  return html` <tr data-partner=${partner.partnerId}>
    <th scope="row">
      <a href="#/partners/${encodeURIComponent(partner.partnerId)}">${partner.name}</a><br /><span class="muted small"
        >${partner.partnerId} · ${partner.country}</span
      >
    </th>
    <td>${when(seen, chips, 'scores')}</td>
  </tr>`;
}

/** Operators: every partner, paged as the API pages, searchable by id or name, each with its six verdicts. */
export function partnersView(context: Context) {
  const state = list!;
  const term = state.search.toLowerCase();
  const onSearch = (event: InputEvent) => {
    state.search = (event.target as HTMLInputElement).value;
    context.redraw();
  };
  const onOpen = (event: SubmitEvent) => {
    event.preventDefault();
    const id = new FormData(event.target as HTMLFormElement).get('id')?.toString().trim();
    if (id) location.hash = `#/partners/${encodeURIComponent(id)}`;
  };
  const onPageSize = (event: Event) => {
    // Continuation tokens belong to one page size: start again from the first page.
    state.pageSize = Number((event.target as HTMLSelectElement).value);
    state.tokens = [undefined];
    openPage(context, 0);
  };
  const matches = term ? [...state.seen.values()].filter((p) => `${p.partnerId} ${p.name}`.toLowerCase().includes(term)) : undefined;
  return html` <h1>Partners</h1>
    <div class="toolbar">
      <label
        >Search the pages opened so far<input type="search" .value=${state.search} @input=${onSearch} placeholder="id or name"
      /></label>
      <label
        >Per page<select @change=${onPageSize}>
          ${PAGE_SIZES.map((n) => html`<option value=${n} ?selected=${n === state.pageSize}>${n}</option>`)}
        </select></label
      >
      <form @submit=${onOpen}>
        <label>Open a partner by id<input name="id" placeholder="contoso-jp" /></label><button type="submit">Open</button>
      </form>
    </div>
    ${
      matches
        ? html`<p class="muted" aria-live="polite">${matches.length} of ${state.seen.size} partners seen match “${state.search}”.</p>
            <table class="partners">
              <tbody>
                ${matches.map(row)}
              </tbody>
            </table>`
        : when(
            state.current,
            (page) =>
              html` <table class="partners">
                  <thead>
                    <tr>
                      <th scope="col">Partner</th>
                      <th scope="col">Qualification at a glance</th>
                    </tr>
                  </thead>
                  <tbody>
                    ${page.items.map(row)}
                  </tbody>
                </table>
                <nav class="pager" aria-label="Pages">
                  <button ?disabled=${state.page === 0} @click=${() => openPage(context, state.page - 1)}>← Previous page</button>
                  <span>Page ${state.page + 1}</span>
                  <button ?disabled=${!page.continuation} @click=${() => openPage(context, state.page + 1)}>Next page →</button>
                </nav>`,
            'partners',
          )
    }`;
}
