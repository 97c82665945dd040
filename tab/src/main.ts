/**
 * The MMD Assist personal tab: a dashboard of tickets, devices and elevation requests for the
 * signed-in admin. Everything from the API goes into the page as text (see dom.ts).
 */
import { ApiError, createApi, nextStep, type Api } from './api';
import { barChart, type Slice } from './chart';
import { byId, h, replace, when } from './dom';
import { applyTheme, connect, notifyLoaded, ssoToken } from './teams';

interface Summary {
  tickets: { total: number; open: number; byState: Slice[]; bySeverity: Slice[] };
  devices: { total: number; byCompliance: Slice[]; byRing: Slice[] };
  elevations: { open: number };
}
interface TicketRow {
  id: string;
  title: string;
  state: string;
  stateLabel: string;
  stateColor: string;
  severity: number | null;
  severityName: string;
  severityColor: string;
  type: string;
  category: string;
  createdDateTime: string | null;
}
interface TicketDetail extends TicketRow {
  description: string;
  subcategory: string;
  nextActionOwner: string;
}
interface NoteRow {
  id: string | null;
  text: string;
  sender: string;
  createdDateTime: string | null;
}
interface DeviceRow {
  name: string;
  user: string;
  model: string;
  complianceState: string;
  complianceLabel: string;
  complianceColor: string;
  ring: string;
  osVersion: string;
  lastSync: string | null;
  failing: { name: string; type: string; status: string }[];
}
interface ElevationRow {
  id: string;
  title: string;
  deviceName: string;
  category: string;
  requestedBy: string;
  ticketId: string;
  planOfAction: string;
  created: string | null;
}

const status = (text: string): void => {
  byId('status').textContent = text;
};

function showError(where: HTMLElement, error: unknown): void {
  replace(where, h('p', { class: 'error', role: 'alert' }, nextStep(error)));
}

async function loading<T>(label: string, work: () => Promise<T>): Promise<T> {
  status(`Loading ${label}…`);
  try {
    const result = await work();
    status(`${label[0]!.toUpperCase()}${label.slice(1)} loaded.`);
    return result;
  } catch (error) {
    status(`Could not load ${label}.`);
    throw error;
  }
}

function table(caption: string, headers: string[], rows: Node[][]): HTMLElement {
  if (!rows.length) return h('p', { class: 'empty' }, `No ${caption.toLowerCase()}.`);
  return h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      {},
      h('caption', { class: 'visually-hidden' }, caption),
      h('thead', {}, h('tr', {}, ...headers.map((name) => h('th', { scope: 'col' }, name)))),
      h('tbody', {}, ...rows.map((cells) => h('tr', {}, ...cells.map((cell) => h('td', {}, cell))))),
    ),
  );
}

const text = (value: string): Node => document.createTextNode(value);

/** What the signed-in user's role allows (from /api/tab/me; the server checks every call again). */
let may = { addNote: false, closeElevation: false };

function renderSummary(s: Summary): void {
  replace(
    byId('ticket-charts'),
    h('p', { class: 'kpi' }, h('strong', {}, String(s.tickets.open)), ` open of ${s.tickets.total} tickets`),
    barChart('Tickets by state', s.tickets.byState),
    barChart('Tickets by severity', s.tickets.bySeverity, 'severity'),
  );
  replace(
    byId('device-charts'),
    h('p', { class: 'kpi' }, h('strong', {}, String(s.devices.total)), ' managed devices'),
    barChart('Devices by compliance', s.devices.byCompliance, 'compliance'),
    barChart('Devices by update ring', s.devices.byRing),
  );
  byId('elevation-count').textContent = `${s.elevations.open} open`;
}

/** A text field's value; a missing field (or a file, which these forms have none of) gives the fallback. */
function formText(data: FormData, name: string, fallback = ''): string {
  const value = data.get(name);
  return typeof value === 'string' ? value : fallback;
}

async function loadTickets(api: Api): Promise<void> {
  const form = byId<HTMLFormElement>('ticket-filters');
  const data = new FormData(form);
  const query = new URLSearchParams({
    state: formText(data, 'state', 'open'),
    severity: formText(data, 'severity'),
    q: formText(data, 'q'),
  });
  const list = byId('ticket-list');
  list.setAttribute('aria-busy', 'true');
  try {
    const { items, more } = await loading('tickets', () => api.get<{ items: TicketRow[]; more: boolean }>(`tickets?${query}`));
    replace(
      list,
      h('p', { class: 'count' }, `${items.length}${more ? '+' : ''} ticket${items.length === 1 ? '' : 's'}`),
      table(
        'Tickets',
        ['Ticket', 'Title', 'State', 'Severity', 'Created'],
        items.map((t) => [
          h('button', { type: 'button', class: 'link', 'aria-label': `Open ticket ${t.id}: ${t.title}`, 'data-ticket': t.id }, t.id),
          text(t.title),
          h('span', { class: `pill color-${t.stateColor}` }, t.stateLabel),
          h('span', { class: `pill color-${t.severityColor}` }, t.severityName),
          text(when(t.createdDateTime)),
        ]),
      ),
    );
  } catch (error) {
    showError(list, error);
  } finally {
    list.removeAttribute('aria-busy');
  }
}

function renderNotes(notes: NoteRow[]): HTMLElement {
  if (!notes.length) return h('p', { class: 'empty', id: 'notes' }, 'No notes yet.');
  return h(
    'ol',
    { class: 'notes', id: 'notes' },
    ...notes.map((n) =>
      h(
        'li',
        {},
        h('p', { class: 'note-meta' }, `${n.sender || 'Unknown'} · ${when(n.createdDateTime)}`),
        h('p', { class: 'note-text' }, n.text),
      ),
    ),
  );
}

async function openTicket(api: Api, id: string): Promise<void> {
  const panel = byId('ticket-detail');
  panel.hidden = false;
  panel.setAttribute('aria-busy', 'true');
  try {
    const { ticket, notes } = await loading(`ticket ${id}`, () =>
      api.get<{ ticket: TicketDetail; notes: NoteRow[] }>(`tickets/${encodeURIComponent(id)}`),
    );
    const textarea = h('textarea', { id: 'note-text', name: 'text', rows: '3', maxlength: '4000', required: true });
    const form = h(
      'form',
      { id: 'note-form', class: 'stack' },
      h('label', { for: 'note-text' }, 'Add a note'),
      textarea,
      h(
        'div',
        { class: 'row' },
        h('button', { type: 'submit', class: 'primary' }, 'Add note'),
        h('span', { class: 'form-status', role: 'status' }),
      ),
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void addNote(api, id, textarea, form);
    });
    const close = h('button', { type: 'button', class: 'secondary' }, 'Close details');
    close.addEventListener('click', () => {
      panel.hidden = true;
      document.querySelector<HTMLElement>(`[data-ticket="${CSS.escape(id)}"]`)?.focus();
    });
    const heading = h('h3', { tabindex: '-1' }, `${ticket.id}: ${ticket.title}`);
    replace(
      panel,
      heading,
      h(
        'dl',
        { class: 'facts' },
        ...[
          ['State', ticket.stateLabel],
          ['Severity', ticket.severityName],
          ['Type', ticket.type],
          ['Category', [ticket.category, ticket.subcategory].filter(Boolean).join(' / ')],
          ['Next action', ticket.nextActionOwner],
          ['Created', when(ticket.createdDateTime)],
        ].flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v || '—')]),
      ),
      h('p', { class: 'description' }, ticket.description),
      h('h4', {}, 'Notes'),
      renderNotes(notes),
      may.addNote ? form : h('p', { class: 'hint' }, 'Adding notes needs the operator role.'),
      close,
    );
    heading.focus();
  } catch (error) {
    showError(panel, error);
  } finally {
    panel.removeAttribute('aria-busy');
  }
}

async function addNote(api: Api, id: string, textarea: HTMLTextAreaElement, form: HTMLFormElement): Promise<void> {
  const formStatus = form.querySelector('.form-status')!;
  const button = form.querySelector('button')!;
  if (!textarea.value.trim()) {
    formStatus.textContent = 'Write a note first.';
    textarea.focus();
    return;
  }
  button.disabled = true;
  formStatus.textContent = 'Adding the note…';
  try {
    const { notes } = await api.post<{ notes: NoteRow[] }>(`tickets/${encodeURIComponent(id)}/notes`, { text: textarea.value });
    byId('notes').replaceWith(renderNotes(notes));
    textarea.value = '';
    formStatus.textContent = 'Note added.';
  } catch (error) {
    formStatus.textContent = nextStep(error);
  } finally {
    button.disabled = false;
  }
}

function deviceTable(caption: string, items: DeviceRow[]): HTMLElement {
  return table(
    caption,
    ['Device', 'User', 'Compliance', 'Ring', 'Failing configurations'],
    items.map((d) => [
      h('strong', {}, d.name),
      text(d.user),
      h('span', { class: `pill color-${d.complianceColor}` }, d.complianceLabel),
      text(d.ring),
      d.failing.length
        ? h('ul', { class: 'plain' }, ...d.failing.map((f) => h('li', {}, `${f.name} (${f.type}): ${f.status}`)))
        : text('None'),
    ]),
  );
}

async function loadFailing(api: Api): Promise<void> {
  const where = byId('failing-devices');
  try {
    const { items, checked, computedAt, refreshMinutes } = await loading('devices with failing configurations', () =>
      api.get<{ items: DeviceRow[]; checked: number; computedAt: string; refreshMinutes: number }>('devices/failing'),
    );
    replace(
      where,
      h(
        'p',
        { class: 'count' },
        `${items.length} of ${checked} devices, checked ${when(computedAt)} (checked again at most every ${refreshMinutes} minutes)`,
      ),
      deviceTable('Devices with failing configurations', items),
    );
  } catch (error) {
    showError(where, error);
  }
}

async function searchDevices(api: Api): Promise<void> {
  const q = byId<HTMLInputElement>('device-q').value.trim();
  const where = byId('device-results');
  try {
    const { items } = await loading('devices', () => api.get<{ items: DeviceRow[] }>(`devices?q=${encodeURIComponent(q)}`));
    replace(
      where,
      h('p', { class: 'count' }, `${items.length} device${items.length === 1 ? '' : 's'} found`),
      deviceTable('Devices found', items),
    );
  } catch (error) {
    showError(where, error);
  }
}

async function loadElevations(api: Api): Promise<void> {
  const where = byId('elevation-list');
  try {
    const { items } = await loading('elevation requests', () => api.get<{ items: ElevationRow[] }>('elevations'));
    byId('elevation-count').textContent = `${items.length} open`;
    replace(
      where,
      table(
        'Open elevation requests',
        ['Request', 'Device', 'Requested by', 'Created', ''],
        items.map((e) => {
          const close: Node = may.closeElevation
            ? h(
                'button',
                { type: 'button', class: 'secondary', 'aria-label': `Close elevation request ${e.title || e.id} on ${e.deviceName}` },
                'Close…',
              )
            : text('');
          if (close instanceof HTMLButtonElement) close.addEventListener('click', () => closeForm(api, e, close));
          return [
            h('span', {}, h('strong', {}, e.title || e.id), h('br'), h('small', {}, e.planOfAction)),
            text(e.deviceName),
            text(e.requestedBy),
            text(when(e.created)),
            close,
          ];
        }),
      ),
    );
  } catch (error) {
    showError(where, error);
  }
}

function closeForm(api: Api, e: ElevationRow, opener: HTMLButtonElement): void {
  const id = `close-${e.id}`;
  const input = h('textarea', { id, rows: '2', maxlength: '2000', required: true });
  const formStatus = h('span', { class: 'form-status', role: 'status' });
  const form = h(
    'form',
    { class: 'stack close-form' },
    h('label', { for: id }, `Actions taken on ${e.deviceName}`),
    input,
    h('div', { class: 'row' }, h('button', { type: 'submit', class: 'primary' }, 'Close request'), formStatus),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!input.value.trim()) {
      formStatus.textContent = 'Say what was done first.';
      return;
    }
    formStatus.textContent = 'Closing…';
    api
      .post(`elevations/${encodeURIComponent(e.id)}/close`, { actionsTaken: input.value })
      .then(() => {
        status(`Elevation request on ${e.deviceName} closed.`);
        return loadElevations(api);
      })
      .catch((error: unknown) => {
        formStatus.textContent = nextStep(error);
      });
  });
  opener.replaceWith(form);
  input.focus();
}

function notInTeams(): void {
  byId('app').hidden = true;
  const outside = byId('outside');
  outside.hidden = false;
  status('This page must be opened in Microsoft Teams.');
}

async function start(): Promise<void> {
  applyTheme(new URLSearchParams(location.search).get('theme') ?? 'default');
  status('Connecting to Teams…');
  let user = '';
  try {
    const context = await connect();
    applyTheme(context.theme);
    user = context.userName;
  } catch {
    notInTeams();
    return;
  }
  byId('outside').hidden = true;
  byId('app').hidden = false;
  const api = createApi(ssoToken);
  try {
    const me = await api.get<{ name: string; upn: string; role: string; may: typeof may }>('me');
    may = me.may;
    byId('who').textContent = `Signed in as ${me.name || user}${me.upn ? ` (${me.upn})` : ''}, ${me.role} role`;
    notifyLoaded(true);
  } catch (error) {
    notifyLoaded(false, error instanceof ApiError ? error.code : 'sign-in failed');
    showError(byId('banner'), error);
    status(nextStep(error));
    return;
  }

  byId('ticket-filters').addEventListener('submit', (event) => {
    event.preventDefault();
    void loadTickets(api);
  });
  for (const id of ['ticket-state', 'ticket-severity']) byId(id).addEventListener('change', () => void loadTickets(api));
  byId('ticket-list').addEventListener('click', (event) => {
    const button = (event.target as Element).closest<HTMLElement>('[data-ticket]');
    if (button?.dataset.ticket) void openTicket(api, button.dataset.ticket);
  });
  byId('device-search').addEventListener('submit', (event) => {
    event.preventDefault();
    void searchDevices(api);
  });

  const summary = loading('summary', () => api.get<Summary>('summary'))
    .then(renderSummary)
    .catch((error: unknown) => showError(byId('ticket-charts'), error));
  await Promise.all([summary, loadTickets(api), loadFailing(api), loadElevations(api)]);
  status('Dashboard loaded.');
  document.body.dataset.ready = 'true';
}

void start();
