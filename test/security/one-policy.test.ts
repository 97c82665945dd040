import { randomUUID } from 'node:crypto';
import { describeGrants, grantsOf, roleAllows, type Grants, type Role } from '../../src/config/roles';
import { roleOf, type UseCaseName } from '../../src/bot/use-cases';
import { BotHarness, cardText, type SendOptions } from '../helpers/bot-harness';
import { AUDIENCE } from '../tab/tab-harness';

/*
 * One policy for every front end (issue 19): the same use case, asked by the same person, is
 * allowed or refused alike in chat text, Action.Execute, Action.Submit, the message extension
 * and the tab's API. Walks every front end × use case × role (reader, operator, elevation admin,
 * bot admin, a user of another tenant) over real HTTP on loopback: allowed ones reach the service, refused ones
 * get the chat's words (the tab's 403 says the same) and the emulator receives nothing.
 */

const TICKET = 'MMD-1465058-R5V8P';
const OTHER_TENANT = 'tenant-9999';

interface Person {
  role: Role | 'other tenant';
  /** What the role check should find for them. */
  grants: Grants;
  upn: string;
  user: { id: string; name: string; aadObjectId: string };
}

const PEOPLE: Person[] = [
  {
    role: 'reader',
    grants: grantsOf({ operator: false, elevationAdmin: false, botAdmin: false }),
    upn: 'rita@contoso.com',
    user: { id: 'u-rita', name: 'Rita Reader', aadObjectId: '0a000000-0000-4000-8000-000000000001' },
  },
  {
    role: 'operator',
    grants: grantsOf({ operator: true, elevationAdmin: false, botAdmin: false }),
    upn: 'otto@contoso.com',
    user: { id: 'u-otto', name: 'Otto Operator', aadObjectId: '0a000000-0000-4000-8000-000000000002' },
  },
  {
    role: 'elevation-admin',
    grants: grantsOf({ operator: false, elevationAdmin: true, botAdmin: false }),
    upn: 'ada@contoso.com',
    user: { id: 'u-ada', name: 'Ada Admin', aadObjectId: '0a000000-0000-4000-8000-000000000003' },
  },
  {
    role: 'bot-admin',
    grants: grantsOf({ operator: false, elevationAdmin: false, botAdmin: true }),
    upn: 'bea@contoso.com',
    user: { id: 'u-bea', name: 'Bea Botadmin', aadObjectId: '0a000000-0000-4000-8000-000000000005' },
  },
  {
    role: 'other tenant',
    grants: new Set(),
    upn: 'eve@fabrikam.com',
    user: { id: 'u-eve', name: 'Eve Elsewhere', aadObjectId: '0a000000-0000-4000-8000-000000000004' },
  },
];

/** What one attempt came to: refused (with the words shown), or done. */
type Outcome = { refused: true; words: string } | { refused: false };

let harness: BotHarness;
const tokens = new Map<string, string>();

/** The API traffic the attempt caused (the notifier's background ticket polls left out). */
const apiCalls = () =>
  harness.app.emulator!.requestLog().filter((e) => !(e.method === 'GET' && /\/tickets\?/.test(e.url) && e.url.includes('createdDateTime')));

function options(person: Person): SendOptions & { tenant?: string } {
  return { user: person.user, conversationId: `personal-${person.user.id}` };
}

/** A chat activity from `person`, in their own tenant. */
function activity(person: Person, partial: Record<string, unknown>): Record<string, unknown> {
  const base = harness.activity(partial, options(person));
  if (person.role !== 'other tenant') return base;
  return {
    ...base,
    conversation: { ...(base.conversation as object), tenantId: OTHER_TENANT },
    channelData: { tenant: { id: OTHER_TENANT } },
  };
}

const REFUSAL = /needs the (reader|operator|elevation-admin|bot-admin) role|serves one organization only/i;

function judge(words: string): Outcome {
  return REFUSAL.test(words) ? { refused: true, words } : { refused: false };
}

async function submit(person: Person, value: Record<string, unknown>): Promise<Outcome> {
  const before = harness.connector.calls.length;
  const { status } = await harness.post(activity(person, { type: 'message', value }));
  expect(status).toBe(200);
  const replies = harness.connector.calls
    .slice(before)
    .filter((c) => c.method === 'POST')
    .map((c) => c.activity);
  return judge(replies.map((r) => (typeof r.text === 'string' ? r.text : cardText(r))).join(' '));
}

async function execute(person: Person, verb: string, data: Record<string, unknown>): Promise<Outcome> {
  const { status, body } = await harness.post(
    activity(person, {
      type: 'invoke',
      name: 'adaptiveCard/action',
      value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
    }),
  );
  expect(status).toBe(200);
  return judge(JSON.stringify(body));
}

async function say(person: Person, text: string): Promise<Outcome> {
  const before = harness.connector.calls.length;
  const { status } = await harness.post(activity(person, { type: 'message', text }));
  expect(status).toBe(200);
  const replies = harness.connector.calls
    .slice(before)
    .filter((c) => c.method === 'POST')
    .map((c) => c.activity);
  return judge(replies.map((r) => (typeof r.text === 'string' ? r.text : cardText(r))).join(' '));
}

async function extension(person: Person, kind: 'fetchTask' | 'submitAction', data: Record<string, unknown>): Promise<Outcome> {
  const { status, body } = await harness.post(
    activity(person, {
      type: 'invoke',
      name: `composeExtension/${kind}`,
      value: { commandId: 'createTicket', commandContext: 'compose', data },
    }),
  );
  expect(status).toBe(200);
  return judge(JSON.stringify(body));
}

async function tab(person: Person, path: string, body?: unknown): Promise<Outcome> {
  const response = await fetch(`${harness.app.url}/api/tab/${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { authorization: `Bearer ${tokens.get(person.upn)!}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const answer = (await response.json()) as { message?: string };
  if (response.status === 401) return { refused: true, words: answer.message ?? '' };
  if (response.status === 403) return { refused: true, words: answer.message ?? '' };
  expect(response.status).toBeLessThan(300);
  return { refused: false };
}

/** A fresh open elevation request to close (set up through the app's own client, not counted). */
let nextDevice = 0;
async function openRequest(): Promise<string> {
  const named = (await harness.app.mmd.devices.list({ top: 40 })).items.filter((d) => /^MMD-\d+$/.test(d.name));
  const device = named[nextDevice++ % named.length]!.name;
  const created = await harness.app.mmd.elevations.create({
    partnerTicketId: TICKET,
    deviceName: device,
    title: 'Install a driver',
    category: 'Software',
    subcategory: 'Driver',
    planOfAction: 'Install the vendor driver',
  });
  return created.id;
}

const note = () => ({ formId: randomUUID(), ticketId: TICKET, text: 'Checked the printer again' });
const close = (requestId: string) => ({ formId: randomUUID(), requestId, actionsTaken: 'Driver installed' });
const ticketForm = () => ({
  formId: randomUUID(),
  title: 'Printer offline',
  description: 'The 3rd floor printer is offline',
  category: 'Devices',
  subcategory: 'Printers',
  severity: '3',
});

/** Every front end's way into each use case: run it as `person`; `target` is set up first when a write needs one. */
const FRONT_ENDS: Record<string, Partial<Record<UseCaseName, (p: Person, target: string) => Promise<Outcome>>>> = {
  'chat text': {
    'tickets.list': (p) => say(p, 'tickets'),
    'ticket.open': (p) => say(p, `ticket ${TICKET}`),
    'ticket.create': (p) => say(p, 'new ticket'),
    'audit.read': (p) => say(p, 'audit'),
    'subscribe.all': (p) => say(p, 'subscribe all'),
  },
  'Action.Execute': {
    'tickets.list': (p) => execute(p, 'tickets.page', {}),
    'ticket.open': (p) => execute(p, 'ticket.open', { id: TICKET }),
    'ticket.note': (p) => execute(p, 'ticket.addNote', note()),
    'elevation.close': (p, id) => execute(p, 'elevation.close', close(id)),
  },
  'Action.Submit': {
    'ticket.open': (p) => submit(p, { verb: 'ticket.open', id: TICKET }),
    'ticket.note': (p) => submit(p, { verb: 'ticket.addNote', ...note() }),
    'elevation.close': (p, id) => submit(p, { verb: 'elevation.close', ...close(id) }),
  },
  'message extension': {
    'ticket.create': (p) => extension(p, 'fetchTask', ticketForm()),
  },
  'tab API': {
    'tickets.list': (p) => tab(p, 'tickets'),
    'ticket.open': (p) => tab(p, `tickets/${TICKET}`),
    'devices.failing': (p) => tab(p, 'devices/failing'),
    'ticket.note': (p) => tab(p, `tickets/${TICKET}/notes`, { text: 'Checked the printer again' }),
    'elevation.close': (p, id) => tab(p, `elevations/${id}/close`, { actionsTaken: 'Driver installed' }),
  },
};

const CASES = Object.entries(FRONT_ENDS).flatMap(([frontEnd, useCases]) =>
  Object.keys(useCases).flatMap((useCase) => PEOPLE.map((person) => [frontEnd, useCase as UseCaseName, person.role, person] as const)),
);

beforeAll(async () => {
  harness = await BotHarness.start({
    env: {
      DEFAULT_ROLE: 'reader',
      OPERATORS: 'otto@contoso.com',
      ELEVATION_ADMINS: 'ada@contoso.com',
      BOT_ADMINS: 'bea@contoso.com',
      ALLOWED_TENANT_IDS: `tenant-0001,00000000-0000-0000-0000-0000000000a1`,
    },
  });
  for (const person of PEOPLE) {
    harness.connector.members.set(person.user.id, { ...person.user, userPrincipalName: person.upn });
    const response = await fetch(`${harness.app.emulator!.url}/_emulator/dev-token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        audience: AUDIENCE,
        upn: person.upn,
        name: person.user.name,
        oid: person.user.aadObjectId,
        ...(person.role === 'other tenant' ? { tenantId: OTHER_TENANT } : {}),
      }),
    });
    tokens.set(person.upn, ((await response.json()) as { access_token: string }).access_token);
  }
}, 30_000);

afterAll(async () => {
  await harness?.stop();
});

test('the walk covers every front end and the use cases that change things', () => {
  expect(Object.keys(FRONT_ENDS)).toEqual(['chat text', 'Action.Execute', 'Action.Submit', 'message extension', 'tab API']);
  const covered = new Set(CASES.map(([, useCase]) => useCase));
  for (const useCase of [
    'ticket.note',
    'elevation.close',
    'ticket.create',
    'tickets.list',
    'ticket.open',
    'devices.failing',
    'audit.read',
    'subscribe.all',
  ] as const)
    expect(covered).toContain(useCase);
});

test.each(CASES)('%s · %s · %s', async (frontEnd, useCase, role, person) => {
  const target = useCase === 'elevation.close' ? await openRequest() : '';
  const before = apiCalls().length;
  const outcome = await FRONT_ENDS[frontEnd]![useCase]!(person, target);
  const allowed = role !== 'other tenant' && roleAllows(person.grants, roleOf(useCase));
  expect({ refused: outcome.refused }).toEqual({ refused: !allowed });
  const calls = apiCalls().slice(before);
  if (!allowed) {
    // Refused before anything reached the service.
    expect(calls).toEqual([]);
    if (role !== 'other tenant')
      expect((outcome as { words: string }).words).toMatch(
        new RegExp(`needs the ${roleOf(useCase)} role, and you have the ${describeGrants(person.grants)} role`),
      );
  } else if (useCase === 'ticket.note') {
    expect(calls.some((c) => c.method === 'POST' && c.url.includes('addNote'))).toBe(true);
  } else if (useCase === 'elevation.close') {
    expect(calls.some((c) => c.method === 'PATCH' && c.url.includes(target))).toBe(true);
  }
});

test("the tab refuses with the chat's own words", async () => {
  const reader = PEOPLE[0]!;
  const chat = await submit(reader, { verb: 'ticket.addNote', ...note() });
  const fromTab = await tab(reader, `tickets/${TICKET}/notes`, { text: 'x' });
  expect(chat.refused && fromTab.refused).toBe(true);
  expect((fromTab as { words: string }).words).toBe((chat as { words: string }).words.trim());
});

test('the tab tells the page what the role allows, so it offers only that', async () => {
  const me = async (person: Person) =>
    (await (
      await fetch(`${harness.app.url}/api/tab/me`, { headers: { authorization: `Bearer ${tokens.get(person.upn)!}` } })
    ).json()) as unknown;
  expect(await me(PEOPLE[0]!)).toMatchObject({ role: 'reader', may: { addNote: false, closeElevation: false } });
  expect(await me(PEOPLE[1]!)).toMatchObject({ role: 'operator', may: { addNote: true, closeElevation: false } });
  expect(await me(PEOPLE[2]!)).toMatchObject({ role: 'elevation-admin', may: { addNote: true, closeElevation: true } });
  expect(await me(PEOPLE[3]!)).toMatchObject({ role: 'bot-admin', may: { addNote: true, closeElevation: false } });
});

test('the failing-devices view is computed once per tenant per refresh period, however many ask', async () => {
  const before = apiCalls().length;
  const answers = await Promise.all(
    PEOPLE.slice(0, 3).map(
      async (person) =>
        (
          await fetch(`${harness.app.url}/api/tab/devices/failing`, { headers: { authorization: `Bearer ${tokens.get(person.upn)!}` } })
        ).json() as Promise<unknown>,
    ),
  );
  const after = apiCalls().length;
  expect(new Set(answers.map((a) => (a as { computedAt: string }).computedAt)).size).toBe(1);
  expect((answers[0] as { refreshMinutes: number }).refreshMinutes).toBe(5);
  // Computed already by the walk above: three more clicks cost no API call.
  expect(after - before).toBe(0);
});
