import { randomUUID } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import type { AuditRecord } from '../../src/state/audit-log';
import { auditCard } from '../../src/cards/audit-card';
import { deviceDetailCard } from '../../src/cards/device-detail-card';
import { deviceListCard } from '../../src/cards/device-list-card';
import { closeElevationForm } from '../../src/cards/elevation-close-form-card';
import { elevationDetailCard } from '../../src/cards/elevation-detail-card';
import {
  elevationHiddenCard,
  elevationNoneCard,
  elevationRedactedCard,
  elevationRevealedCard,
} from '../../src/cards/elevation-details-card';
import { requestElevationForm } from '../../src/cards/elevation-form-card';
import { elevationListCard } from '../../src/cards/elevation-list-card';
import { errorCard } from '../../src/cards/error-card';
import { signInHelpCard } from '../../src/cards/sign-in-help-card';
import { helpCard } from '../../src/cards/help-card';
import { notFoundCard } from '../../src/cards/not-found-card';
import { addNoteForm } from '../../src/cards/note-form-card';
import { notesCard } from '../../src/cards/notes-card';
import { renderCard, watchRenders, type AdaptiveCard } from '../../src/cards/render';
import { colourProblems } from './card-checks';
import { ticketDetailCard } from '../../src/cards/ticket-detail-card';
import { newTicketForm } from '../../src/cards/ticket-form-card';
import { ticketListCard } from '../../src/cards/ticket-list-card';
import { userDetailCard } from '../../src/cards/user-detail-card';
import { userListCard } from '../../src/cards/user-list-card';
import { welcomeCard } from '../../src/cards/welcome-card';
import { messageCard } from '../../src/cards/message-card';
import { lateNoticeCard, tooLateToShowCard, workingOnItCard } from '../../src/cards/working-on-it-card';
import { searchPreviewCard } from '../../src/cards/search-preview-card';
import { stillLoadingCard } from '../../src/cards/still-loading-card';
import { execute } from '../../src/cards/card-action';
import { incidentListCard } from '../../src/cards/incident-list-card';
import { incidentDetailCard } from '../../src/cards/incident-detail-card';
import { newIncidentForm } from '../../src/cards/incident-form-card';
import { troubleshootingEventListCard } from '../../src/cards/troubleshooting-event-list-card';
import { troubleshootingEventDetailCard } from '../../src/cards/troubleshooting-event-detail-card';
import { enrollmentFailureForm } from '../../src/cards/enrollment-failure-form-card';
import { ticketChangeCard } from '../../src/cards/ticket-change-card';
import { ticketDigestCard } from '../../src/cards/ticket-digest-card';
import { subscriptionsCard } from '../../src/cards/subscriptions-card';
import { incident, incidents, nastyEvent, nastyIncident, troubleshootingEvent, troubleshootingEvents } from './graph-sample-data';
import { COMMANDS } from '../../src/intents/commands';
import type { ElevationDetails } from '../../src/mmd/types';
import {
  device,
  devices,
  elevation,
  elevations,
  EVIL_LINK,
  INJECTION,
  LONG,
  nastyDevice,
  note,
  NOW,
  page,
  ticket,
  tickets,
  user,
  users,
} from './sample-data';

// Every template in cards/, rendered through adaptivecards-templating with the data the card
// builders make from the test samples (plain and nasty), then with that data bent (values of other
// types, missing): every template is reached, none throws, none leaves an unexpanded `${` behind
// or a colour that means nothing.

const CARDS_DIR = join(__dirname, '..', '..', 'cards');
const TEMPLATES = readdirSync(CARDS_DIR)
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.replace(/\.json$/, ''));

const record = (overrides: Partial<AuditRecord> = {}): AuditRecord => ({
  at: '2026-11-22T13:02:00.000Z',
  action: 'elevation.reveal',
  outcome: 'revealed',
  deviceName: 'MMD-00002',
  user: { id: '29:a', aadObjectId: 'aad-a', upn: 'adele@contoso.com', name: 'Adele Vance' },
  conversation: { id: 'c1', kind: 'personal' },
  correlationId: 'corr',
  ...overrides,
});

const details = (overrides: Partial<ElevationDetails> = {}): ElevationDetails => ({
  tenantId: 't',
  deviceName: 'MMD-00002',
  openedElevationRequestId: 'req-1',
  aadDeviceId: 'aad-dev',
  accountUpn: 'MMDLocalAdmin',
  password: 'p*ss_[x](https://e.v)${pw}<b>`#1',
  passwordLastUpdated: '2026-11-22T13:00:00Z',
  status: 'PasswordSucceeded',
  isPasswordChanged: false,
  viewedBy: ['System'],
  ...overrides,
});

/** Every card builder over the samples the card tests use, the plain and the nasty. */
function renderEveryCard(): void {
  const formId = randomUUID();
  const contact = { givenName: 'Adele', surname: 'Vance', email: 'adele.vance@contoso.com', phone: '' };
  auditCard({
    records: [record(), record({ outcome: 'denied', deviceName: INJECTION, conversation: { id: 'g', kind: 'groupChat' } })],
    now: NOW,
  });
  auditCard({ records: [], now: NOW });
  deviceDetailCard({ device: device(), now: NOW });
  deviceDetailCard({ device: nastyDevice(), now: NOW });
  deviceDetailCard({ device: device({ groups: [], configurations: [] }), now: NOW });
  deviceListCard({ page: page(devices(10)), now: NOW });
  deviceListCard({ page: page(devices(10, 10), 10, 10, true), search: ` ${EVIL_LINK} `, now: NOW });
  deviceListCard({ page: page([]), search: 'nothing', now: NOW });
  closeElevationForm({ requestId: 'req-1', request: elevation(), formId, now: NOW });
  closeElevationForm({
    requestId: 'req-1',
    request: elevation(),
    formId,
    from: { verb: 'elevations.page', data: { deviceName: 'MMD-00001', skip: 10 } },
    now: NOW,
  });
  closeElevationForm({
    requestId: 'abc',
    formId,
    now: NOW,
    errors: { actionsTaken: 'Describe the actions taken.' },
    notice: 'Something went wrong',
  } as never);
  elevationDetailCard({ request: elevation(), now: NOW });
  elevationDetailCard({ request: elevation({ title: LONG, requestingAgentUpn: INJECTION }), now: NOW });
  elevationDetailCard({ request: elevation(), now: NOW, back: { verb: 'elevations.page', data: { state: 'open', skip: 10 } } });
  elevationHiddenCard({ deviceName: 'MMD-00002', request: elevation({ title: `Fix ${EVIL_LINK}` }), revealSeconds: 300, now: NOW });
  elevationHiddenCard({ deviceName: 'MMD-00002', revealSeconds: 30, now: NOW });
  elevationRedactedCard({ deviceName: 'MMD-00002' });
  elevationRevealedCard({
    deviceName: 'MMD-00002',
    details: details(),
    userId: '29:user',
    hideAt: new Date('2026-11-22T14:07:00Z'),
    now: NOW,
  });
  elevationRevealedCard({
    deviceName: INJECTION,
    details: details({ password: '', viewedBy: [] }),
    userId: '29:user',
    hideAt: new Date('2026-11-22T14:07:00Z'),
    now: NOW,
  });
  elevationNoneCard({ deviceName: 'MMD-00001' });
  requestElevationForm({ prefill: {}, openTickets: [], formId, now: NOW });
  requestElevationForm({
    prefill: { category: 'Networking', subcategory: 'VPN' },
    openTickets: tickets(2),
    formId,
    errors: { subcategory: 'Wrong.' },
    now: NOW,
  });
  requestElevationForm({
    prefill: { deviceName: 'MMD-00001' },
    openTickets: tickets(3),
    formId,
    errors: { deviceName: 'Say which device.' },
    now: NOW,
  });
  elevationListCard({ page: page(elevations(10)), now: NOW });
  elevationListCard({ page: page(elevations(10, 10), 10, 10, true), deviceName: 'MMD-1', now: NOW });
  elevationListCard({ page: page([]), now: NOW });
  elevationListCard({ page: page(elevations(10)), state: 'closed', deviceName: 'MMD-1', now: NOW });
  errorCard({ what: 'Looking up device MMD-1', message: 'Service unavailable', retryable: true, correlationId: 'c0ffee-42' });
  errorCard({ what: 'MMD tenant lookup', retryable: false, correlationId: 'abc' });
  signInHelpCard({
    problem: 'consent_required',
    consentUrl: 'https://login.microsoftonline.com/t/adminconsent?client_id=c',
    correlationId: 'abc',
  });
  signInHelpCard({ problem: 'signin_failure', detail: INJECTION, correlationId: 'abc' });
  signInHelpCard({ problem: 'unavailable', correlationId: 'abc' });
  helpCard({ commands: COMMANDS, mode: 'live' });
  helpCard({ commands: COMMANDS, mode: 'sandbox', isAdmin: true });
  notFoundCard({ what: 'device', key: 'MMD-0001', suggestion: 'MMD-00001' });
  notFoundCard({ what: 'ticket', key: INJECTION });
  addNoteForm({ ticketId: 'MMD-1465058-R5V8P', ticketTitle: EVIL_LINK, formId, now: NOW });
  addNoteForm({ ticketId: 'MMD-1', ticketTitle: null, formId, values: { text: 'x' }, errors: { text: 'Too long.' }, now: NOW });
  notesCard({ ticketId: 'MMD-1', notes: [note(), note({ text: '<p>Hi <b>there</b></p>', renderType: 'html' })], now: NOW });
  notesCard({ ticketId: 'MMD-1', notes: [], now: NOW });
  ticketDetailCard({ ticket: ticket(), now: NOW });
  ticketDetailCard({ ticket: ticket({ contact: null, notes: [] }), now: NOW });
  ticketDetailCard({ ticket: ticket(), notes: Array.from({ length: 25 }, (_, i) => note({ text: `<p>note ${i}</p>` })), now: NOW });
  newTicketForm({ prefill: {}, contact, formId, now: NOW });
  newTicketForm({ prefill: {}, contact, formId, errors: { subcategory: 'Choose a subcategory.' }, now: NOW });
  newTicketForm({ prefill: { category: 'Networking' }, contact, formId, now: NOW, inDialog: true });
  newTicketForm({ prefill: { type: 'Incident' }, formId, now: NOW });
  ticketListCard({ page: page(tickets(10)), filters: { states: ['active'], severities: [1, 2] }, now: NOW });
  ticketListCard({ page: page([]), filters: { states: [], severities: [], text: EVIL_LINK }, now: NOW });
  userDetailCard({ user: user(), now: NOW });
  userDetailCard({ user: user({ groups: [], devices: [] }), now: NOW });
  userListCard({ page: page(users(10)), now: NOW });
  userListCard({ page: page(users(10, 10), 10, 10, true), search: 'vance', now: NOW });
  welcomeCard({ mode: 'sandbox', userName: 'Alex Wilber' });
  welcomeCard({ mode: 'live', userName: EVIL_LINK });
  messageCard(['I could not find ticket ', { value: EVIL_LINK }, '. Type ', { command: 'tickets' }, '.']);
  messageCard(['Did you mean?'], [execute('devices', 'command', { text: 'devices' })]);
  incidentListCard({
    page: page(incidents(10), 10, 10, true),
    filters: { statuses: ['active'], severities: ['high', 'medium'] },
    now: NOW,
  });
  incidentListCard({ page: page([nastyIncident()]), filters: { statuses: [], severities: [] }, now: NOW });
  incidentDetailCard({ incident: incident(), formId, now: NOW });
  incidentDetailCard({
    incident: nastyIncident(),
    formId,
    now: NOW,
    openForm: 'assignment',
    notice: { tone: 'attention', text: `Forbidden: ${EVIL_LINK}` },
  } as never);
  newIncidentForm({ prefill: {}, formId, now: NOW });
  newIncidentForm({
    prefill: {},
    formId,
    from: { verb: 'incidents.page', data: { statuses: ['active'], severities: [], skip: 0 } },
    now: NOW,
  });
  troubleshootingEventListCard({ page: page(troubleshootingEvents(10), 10, 10, true), scope: { deviceName: 'MMD-00001' }, now: NOW });
  troubleshootingEventListCard({ page: page([nastyEvent()]), scope: { user: EVIL_LINK }, now: NOW });
  troubleshootingEventDetailCard({ event: troubleshootingEvent(), deviceName: 'MMD-00001', now: NOW });
  troubleshootingEventDetailCard({ event: nastyEvent(), now: NOW });
  enrollmentFailureForm({ prefill: {}, formId, now: NOW });
  enrollmentFailureForm({
    prefill: {},
    formId,
    from: { verb: 'device.open', data: { name: 'MMD-00001', back: { verb: 'devices.page', data: { skip: 0 } } } },
    now: NOW,
  });
  const snapshot = {
    id: 'MMD-1465058-R5V8P',
    title: EVIL_LINK,
    state: 'resolved',
    severity: 2,
    nextActionOwner: 'Customer',
    nextActionTime: '2026-11-23T09:00:00Z',
    resolvedDateTime: '2026-11-22T12:00:00Z',
    createdDateTime: '2026-11-19T14:02:00Z',
  };
  const changes = [
    { kind: 'field', field: 'state', from: 'active', to: 'resolved' },
    {
      kind: 'note',
      note: { id: '7', sender: 'Support', createdDateTime: '2026-11-22T12:00:00Z', text: '<p>Fixed</p>', renderType: 'html' },
    },
  ];
  ticketChangeCard({ ticket: snapshot, changes, now: NOW } as never);
  stillLoadingCard({ what: 'Searching devices and tickets', correlationId: 'c0ffee-42' });
  stillLoadingCard({ what: EVIL_LINK, correlationId: INJECTION });
  workingOnItCard({ correlationId: INJECTION });
  lateNoticeCard({ text: 'Ticket **MMD-1** was created.', correlationId: 'c0ffee-42' });
  tooLateToShowCard({ correlationId: 'c0ffee-42' });
  searchPreviewCard({
    title: 'MMD-00001',
    subtitle: 'Device · HP',
    text: 'adele@contoso.com',
    select: { kind: 'device', name: 'MMD-00001' },
  });
  searchPreviewCard({ title: INJECTION, subtitle: EVIL_LINK, text: LONG });
  ticketDigestCard({ items: [{ ticket: snapshot, changes }], now: NOW } as never);
  subscriptionsCard({
    ticketIds: ['MMD-1465058-R5V8P', INJECTION],
    followsAll: `every ticket with ${INJECTION}`,
    digest: 'hourly',
    quiet: '20:00-08:00 (Europe/Berlin)',
  });
  subscriptionsCard({ ticketIds: [], digest: 'off' });
}

describe('every card template', () => {
  const rendered: Array<{ name: string; data: object; card: AdaptiveCard }> = [];

  beforeAll(() => {
    const seen: Array<{ name: string; data: object }> = [];
    watchRenders((name, data) => seen.push({ name, data }));
    try {
      renderEveryCard();
    } finally {
      watchRenders(undefined);
    }
    for (const { name, data } of seen) rendered.push({ name, data, card: renderCard(name, data) });
  });

  it('renders every template in cards/ from the samples', () => {
    expect([...new Set(rendered.map((r) => r.name))].sort()).toEqual([...TEMPLATES].sort());
  });

  it('leaves no template expression unexpanded', () => {
    // Data with `${` in it (the injection samples) stays literal text; judge the others.
    const plain = rendered.filter(({ data }) => !JSON.stringify(data).includes('${'));
    expect(new Set(plain.map((r) => r.name)).size).toBeGreaterThan(TEMPLATES.length / 2);
    for (const { name, card } of plain) {
      const json = JSON.stringify(card);
      expect([name, json.includes('${')]).toEqual([name, false]);
    }
  });

  it('no rendered card has a contrast-trap colour or a colour without words (see status-colours.test.ts)', () => {
    for (const { name, card } of rendered) expect([name, colourProblems(card)]).toEqual([name, []]);
  });

  it('renders without throwing when data values have other types or are missing', () => {
    const odd = fc.oneof(
      fc.constant(undefined),
      fc.constant(null),
      fc.constant(''),
      fc.constant('x'),
      fc.constant(0),
      fc.constant(true),
      fc.constant(false),
      fc.constant([]),
      fc.constant({}),
      fc.constant(['a']),
    );
    fc.assert(
      fc.property(fc.nat(rendered.length - 1), fc.nat(), odd, (i, pick, value) => {
        const { name, data } = rendered[i]!;
        expect(() => renderCard(name, bend(data, pick, value))).not.toThrow();
      }),
      { numRuns: 400, seed: 15 },
    );
  });
});

/** A deep copy of `data` with the pick-th property (in walk order) set to `value`. */
function bend(data: object, pick: number, value: unknown): object {
  const slots: Array<[Record<string, unknown>, string]> = [];
  const copy = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(copy);
    if (v === null || typeof v !== 'object') return v;
    const out: Record<string, unknown> = {};
    for (const [k, child] of Object.entries(v)) {
      out[k] = copy(child);
      slots.push([out, k]);
    }
    return out;
  };
  const root = copy(data) as Record<string, unknown>;
  if (slots.length) {
    const [obj, key] = slots[pick % slots.length]!;
    obj[key] = value;
  }
  return root;
}
