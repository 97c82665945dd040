/**
 * MMD_AUTH=user in the bot, over the real /api/messages: Teams SSO through the OAuth connection
 * (botbuilder's own UserTokenClient against the emulator's Bot Framework token service), the
 * `signin/*` invokes, and the on-behalf-of exchange at the emulator's token endpoint. The
 * emulator records who each MMD call speaks for, so a note shows its real author.
 */
import { randomUUID } from 'node:crypto';
import { BotHarness, cardOf, cardText, type SendOptions } from '../helpers/bot-harness';
import { findActions } from '../helpers/card-validation';
import { claimExchange } from '../../src/state/sign-in-store';
import { MemoryStorage } from '../../src/storage/memory-storage';
import { invokeMessage } from './forms/form-helpers';

type Json = Record<string, unknown>;

const CONNECTION = 'mmd-assist-sso';
const RESOURCE = 'api://localhost/sandbox-client';
const ADELE_UPN = 'adele.vance@contoso.com';
const MEGAN = { id: 'user-megan', name: 'Megan Bowen', aadObjectId: 'aad-megan' };
const MEGAN_UPN = 'megan.bowen@contoso.com';
const OAUTH_CARD = 'application/vnd.microsoft.card.oauth';

let harness: BotHarness;
let emulatorUrl: string;

beforeAll(async () => {
  harness = await BotHarness.start({ env: { MMD_AUTH: 'user' } });
  emulatorUrl = harness.app.emulator!.url;
});
afterAll(async () => {
  await harness?.stop();
});

async function emulator(path: string, body: Json, method = 'POST'): Promise<Json> {
  const res = await fetch(`${emulatorUrl}${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: method === 'GET' ? undefined : JSON.stringify(body),
  });
  if (res.status >= 300) throw new Error(`${path} answered ${res.status}`);
  return res.status === 204 ? {} : ((await res.json()) as Json);
}

/** What Teams' getAuthToken would hand over for the OAuth card's token exchange resource. */
async function ssoToken(upn: string, name: string, audience = RESOURCE): Promise<string> {
  return String((await emulator('/_emulator/dev-token', { audience, upn, name })).access_token);
}

async function exchanges(): Promise<Array<{ userId: string; ok: boolean }>> {
  const res = await fetch(`${emulatorUrl}/_emulator/token-service/exchanges`);
  return ((await res.json()) as { value: Array<{ userId: string; ok: boolean }> }).value;
}

/** Teams' signin/tokenExchange invoke; answers the HTTP status and body, and what the bot sent meanwhile. */
async function tokenExchange(id: string, token: string, options: SendOptions = {}): Promise<{ status: number; body: Json; sent: Json[] }> {
  const before = harness.connector.calls.length;
  const { status, body } = await harness.post(
    harness.activity({ type: 'invoke', name: 'signin/tokenExchange', value: { id, connectionName: CONNECTION, token } }, options),
  );
  const sent = harness.connector.calls
    .slice(before)
    .filter((c) => c.method === 'POST')
    .map((c) => c.activity);
  return { status, body: (body ?? {}) as Json, sent };
}

async function invoke(name: string, value: unknown, options: SendOptions = {}): Promise<{ status: number; body: unknown; sent: Json[] }> {
  const before = harness.connector.calls.length;
  const { status, body } = await harness.post(harness.activity({ type: 'invoke', name, value }, options));
  return {
    status,
    body,
    sent: harness.connector.calls
      .slice(before)
      .filter((c) => c.method === 'POST')
      .map((c) => c.activity),
  };
}

function oauthCardOf(activities: Json[]): Json {
  const attachment = activities.flatMap((a) => (a.attachments as Json[] | undefined) ?? []).find((a) => a.contentType === OAUTH_CARD);
  if (!attachment) throw new Error(`no OAuth card in ${JSON.stringify(activities).slice(0, 300)}`);
  return attachment.content as Json;
}

const texts = (activities: Json[]): string =>
  activities
    .map(
      (a) =>
        `${typeof a.text === 'string' ? a.text : ''}\n${(a.attachments as Json[] | undefined)?.some((x) => x.contentType === 'application/vnd.microsoft.card.adaptive') ? cardText(cardOf(a)) : ''}`,
    )
    .join('\n');

const apiCalls = (path: RegExp): number => harness.app.emulator!.requestLog().filter((r) => path.test(r.url)).length;

describe('MMD_AUTH=user in the bot', () => {
  it('without a user token: Teams’ OAuth card with the token exchange resource, and no MMD call', async () => {
    const before = apiCalls(/\/devices/);
    const sent = await harness.say('devices');
    const card = oauthCardOf(sent);
    expect(card.connectionName).toBe(CONNECTION);
    expect(card.text).toMatch(/Sign in to MMD Assist/);
    expect(card.tokenExchangeResource).toMatchObject({ uri: RESOURCE, id: expect.any(String) });
    const [button] = card.buttons as Json[];
    expect(button).toMatchObject({
      type: 'signin',
      title: 'Sign in',
      value: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/_emulator\/signin\?state=/),
    });
    expect(apiCalls(/\/devices/)).toBe(before);
    // Commands that never call MMD need no sign-in.
    expect(texts(await harness.say('help'))).toMatch(/devices/);
  });

  it('tokenExchange succeeds, the kept command runs, and MMD records the user as the note’s author', async () => {
    const ticketId = (await harness.app.mmd.tickets.list({ states: ['active'], top: 1 })).items[0]!.id;
    // A note form's submit before signing in: the sign-in card, and the button gets its own answer.
    const pressed = await harness.execute('ticket.addNote', { formId: randomUUID(), ticketId, text: 'Swapped the battery.' });
    expect(invokeMessage(pressed)).toMatch(/Sign in first/);
    const addNoteBefore = apiCalls(/\/addNote$/);
    expect(addNoteBefore).toBe(0);

    const id = randomUUID();
    const done = await tokenExchange(id, await ssoToken(ADELE_UPN, 'Adele Vance'));
    expect(done.status).toBe(200);
    expect(done.body).toEqual({ id, connectionName: CONNECTION });
    // The kept submit ran: the ticket card with the note is sent into the chat.
    expect(texts(done.sent)).toMatch(/Your note was added/);
    expect(apiCalls(/\/addNote$/)).toBe(1);
    const note = (await harness.app.mmd.tickets.notes(ticketId)).at(-1)!;
    // The emulator names whoever the token speaks for: the user, not the app ("sandbox-client").
    expect(note.sender).toBe(ADELE_UPN);
    // With user context nothing is appended: the service records the author itself.
    expect(note.text).toBe('Swapped the battery.');

    // Signed in now: the next command runs straight away, its MMD token from MSAL's cache.
    const tokensBefore = harness.app.emulator!.tokenRequestCount();
    const devices = await harness.say('devices');
    expect(texts(devices)).toMatch(/MMD-0000/);
    expect(harness.app.emulator!.tokenRequestCount()).toBe(tokensBefore);
  });

  it('an exchange id another instance is still exchanging answers 409; one left pending too long answers 412', async () => {
    const options: SendOptions = { user: MEGAN, conversationId: 'personal-megan-claims' };
    const token = await ssoToken(MEGAN_UPN, 'Megan Bowen');
    const before = (await exchanges()).length;
    const inFlight = randomUUID();
    // What another instance's claim looks like while its exchange runs.
    expect(await claimExchange(harness.app.storage, 'personal-megan-claims', inFlight, new Date())).toMatchObject({ claimed: true });
    const busy = await tokenExchange(inFlight, token, options);
    expect(busy.status).toBe(409);
    expect(busy.body).toEqual({
      id: inFlight,
      connectionName: CONNECTION,
      failureDetail: expect.stringMatching(/already being processed/),
    });
    const abandoned = randomUUID();
    await claimExchange(harness.app.storage, 'personal-megan-claims', abandoned, new Date(Date.now() - 60_000));
    expect((await tokenExchange(abandoned, token, options)).status).toBe(412);
    expect((await exchanges()).length).toBe(before);
  });

  it('a duplicate tokenExchange (another Teams client, a retry) is exchanged once', async () => {
    const options: SendOptions = { user: MEGAN, conversationId: 'personal-megan-dup' };
    oauthCardOf(await harness.say('devices', options));
    const token = await ssoToken(MEGAN_UPN, 'Megan Bowen');
    const before = (await exchanges()).length;
    const id = randomUUID();
    const [a, b] = await Promise.all([tokenExchange(id, token, options), tokenExchange(id, token, options)]);
    const statuses = [a.status, b.status].sort();
    // The second is answered from the first's claim: 409 while it still runs, 200 once it is done.
    expect([
      [200, 200],
      [200, 409],
    ]).toContainEqual(statuses);
    const again = await tokenExchange(id, token, options);
    expect(again.status).toBe(200);
    expect(again.sent).toEqual([]);
    expect((await exchanges()).length).toBe(before + 1);
    // The kept command ran once.
    expect([...a.sent, ...b.sent].filter((s) => /MMD-0000/.test(texts([s])))).toHaveLength(1);
  });

  it('a token the service cannot exchange: 412 with the exchange response (Teams shows the sign-in button), and a next-step card', async () => {
    const options: SendOptions = { user: { id: 'user-412', name: 'Lee Gu', aadObjectId: 'aad-412' }, conversationId: 'personal-412' };
    oauthCardOf(await harness.say('devices', options));
    const id = randomUUID();
    const wrongAudience = await ssoToken('lee.gu@contoso.com', 'Lee Gu', 'api://elsewhere/other-app');
    const failed = await tokenExchange(id, wrongAudience, options);
    expect(failed.status).toBe(412);
    expect(failed.body).toEqual({ id, connectionName: CONNECTION, failureDetail: expect.stringMatching(/unable to exchange/) });
    const card = cardOf(failed.sent[0]);
    expect(cardText(card)).toMatch(/Single sign-on did not finish/);
    expect(findActions(card).map((a) => a.title)).toContain('Sign in again');
    // The same id again: the recorded failure, no second exchange.
    const count = (await exchanges()).length;
    expect((await tokenExchange(id, wrongAudience, options)).status).toBe(412);
    expect((await exchanges()).length).toBe(count);
  });

  it('consent_required from the identity platform: a next-step card with the admin consent page, nothing sent to MMD', async () => {
    const options: SendOptions = {
      user: { id: 'user-consent', name: 'Nestor Wilke', aadObjectId: 'aad-consent' },
      conversationId: 'personal-consent',
    };
    await emulator('/_emulator/identity/consent-required', { upn: 'nestor.wilke@contoso.com', required: true });
    try {
      oauthCardOf(await harness.say('devices', options));
      const before = apiCalls(/\/devices/);
      const done = await tokenExchange(randomUUID(), await ssoToken('nestor.wilke@contoso.com', 'Nestor Wilke'), options);
      // The exchange itself worked (Teams is answered 200); the MMD token needs consent.
      expect(done.status).toBe(200);
      const card = cardOf(done.sent[0]);
      expect(cardText(card)).toMatch(/needs consent/);
      expect(cardText(card)).toMatch(/Ask your admin to grant consent/);
      const links = (card.actions as Json[]).filter((a) => a.type === 'Action.OpenUrl');
      expect(links[0]).toMatchObject({
        title: 'Admin consent page',
        url: expect.stringMatching(/\/adminconsent\?client_id=sandbox-client$/),
      });
      expect(apiCalls(/\/devices/)).toBe(before);

      // Consent granted: the kept command runs on the next try.
      await emulator('/_emulator/identity/consent-required', { upn: 'nestor.wilke@contoso.com', required: false });
      expect(texts(await harness.say('devices', options))).toMatch(/MMD-0000/);
    } finally {
      await emulator('/_emulator/identity/consent-required', { upn: 'nestor.wilke@contoso.com', required: false });
    }
  });

  it('signin/failure from Teams: a next-step card naming what Teams said', async () => {
    const failure = await invoke('signin/failure', { code: 'resourcematchfailed', message: 'Resource match failed' });
    expect(failure.status).toBe(200);
    const card = cardOf(failure.sent[0]);
    expect(cardText(card)).toMatch(/Teams could not sign you in/);
    expect(cardText(card)).toMatch(/resourcematchfailed: Resource match failed/);
    expect(findActions(card).map((a) => a.title)).toEqual(['Sign in again']);
  });

  it('signin/verifyState: the magic code of the sign-in page signs in and runs the kept command; a wrong code does not', async () => {
    const user = { id: 'user-code', name: 'Patti Fernandez', aadObjectId: 'aad-code' };
    const options: SendOptions = { user, conversationId: 'personal-code' };
    oauthCardOf(await harness.say('devices', options));
    const wrong = await invoke('signin/verifyState', { state: '000000' }, options);
    expect(wrong.status).toBe(404);
    expect(cardText(cardOf(wrong.sent[0]))).toMatch(/Please sign in again/);
    const { code } = await emulator('/_emulator/signin', {
      userId: user.id,
      connectionName: CONNECTION,
      upn: 'patti.fernandez@contoso.com',
      name: user.name,
    });
    const verified = await invoke('signin/verifyState', { state: String(code) }, options);
    expect(verified.status).toBe(200);
    expect(texts(verified.sent)).toMatch(/MMD-0000/);
  });

  it("the message extension answers Teams' sign-in (type auth, the connection's sign-in link); with the page's code it searches as the user", async () => {
    const user = { id: 'user-extension', name: 'Lynne Robbins', aadObjectId: 'aad-extension' };
    const options: SendOptions = { user, conversationId: 'personal-extension' };
    const search = (state?: string) =>
      invoke(
        'composeExtension/query',
        {
          commandId: 'search',
          parameters: [{ name: 'searchText', value: 'MMD-0000' }],
          queryOptions: { skip: 0, count: 25 },
          ...(state ? { state } : {}),
        },
        options,
      );
    const before = apiCalls(/\/devices/);
    const first = await search();
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      composeExtension: {
        type: 'auth',
        suggestedActions: {
          actions: [
            {
              type: 'openUrl',
              title: 'Sign in to MMD Assist',
              value: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/_emulator\/signin\?state=/),
            },
          ],
        },
      },
    });
    expect(apiCalls(/\/devices/)).toBe(before);
    // The sign-in page gives a code; Teams sends the same query again with it.
    const { code } = await emulator('/_emulator/signin', {
      userId: user.id,
      connectionName: CONNECTION,
      upn: 'lynne.robbins@contoso.com',
      name: user.name,
    });
    const signedIn = await search(String(code));
    expect(signedIn.body).toMatchObject({ composeExtension: { type: 'result' } });
    expect(apiCalls(/\/devices/)).toBeGreaterThan(before);
    // Signed in now: the next query needs no code.
    expect((await search()).body).toMatchObject({ composeExtension: { type: 'result' } });
  });

  it('"Sign in again" forgets the token and sends a new sign-in card', async () => {
    const res = await harness.execute('signIn.start', {});
    expect(invokeMessage(res)).toMatch(/Sign in first/);
    oauthCardOf(harness.connector.sent(`personal-conv-1`).slice(-1));
    // Adele is signed out: the next MMD command asks her to sign in.
    oauthCardOf(await harness.say('devices'));
  });
});

describe('two bot instances sharing durable storage', () => {
  it('exchange one Teams exchange id once, whichever instance gets it second', async () => {
    const storage = new MemoryStorage();
    const a = await BotHarness.start({ env: { MMD_AUTH: 'user' }, storage });
    const b = await BotHarness.start({ env: { MMD_AUTH: 'user' }, storage });
    try {
      const countAt = async (h: BotHarness) =>
        ((await (await fetch(`${h.app.emulator!.url}/_emulator/token-service/exchanges`)).json()) as { value: unknown[] }).value.length;
      oauthCardOf(await a.say('devices'));
      const sso = await fetch(`${a.app.emulator!.url}/_emulator/dev-token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ audience: RESOURCE, upn: ADELE_UPN, name: 'Adele Vance' }),
      });
      const token = String(((await sso.json()) as Json).access_token);
      const id = randomUUID();
      const exchange = (h: BotHarness) =>
        h.post(h.activity({ type: 'invoke', name: 'signin/tokenExchange', value: { id, connectionName: CONNECTION, token } }));
      expect((await exchange(a)).status).toBe(200);
      // Instance b sees a's claim in the shared storage: answered 200 without asking its token service.
      expect((await exchange(b)).status).toBe(200);
      expect(await countAt(a)).toBe(1);
      expect(await countAt(b)).toBe(0);
    } finally {
      await b.stop();
      await a.stop();
    }
  });
});
