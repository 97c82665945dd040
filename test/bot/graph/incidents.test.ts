/**
 * Security incidents in chat, over the bot's real /api/messages against the emulator's Graph:
 * the commands, paging and filters, the detail card's in-place updates, the new incident form
 * (invalid, tampered, double and refused submits) and "Open MMD ticket".
 */
import { cardOf, cardText, answerText } from '../../helpers/bot-harness';
import { TurnHarness } from '../../helpers/turn-harness';
import { findActions } from '../../helpers/card-validation';
import { expectCleanCard } from '../../cards/card-checks';
import { action, apiCalls, fieldError, inputs, invokeCard, invokeMessage, press } from '../forms/form-helpers';
import { refuseCreate } from './graph-test-helpers';

type Json = Record<string, unknown>;

const CREATE = /\/beta\/security\/incidents$/;
const PATCH = /\/v1\.0\/security\/incidents\/[^/]+$/;

const VALID: Json = {
  displayName: 'Suspicious sign-in on MMD-00001',
  severity: 'high',
  status: 'active',
  assignedTo: 'adele.vance@contoso.com',
  tags: 'VIP, Finance',
  comment: 'Seen by the help desk.',
};

/** Incident ids of a list card's rows, in order. */
function rowIds(card: unknown): string[] {
  return findActions(card)
    .filter((a) => a.verb === 'incident.open')
    .map((a) => String((a.data as Json).id));
}

describe('security incidents in chat', () => {
  let harness: TurnHarness;

  beforeAll(async () => {
    harness = await TurnHarness.start();
  });
  afterAll(async () => {
    await harness?.stop();
  });
  afterEach(async () => {
    harness.app.emulator?.faults.clear();
    await refuseCreate(harness, 'incidents', null);
  });

  describe('lists', () => {
    it('"incidents" lists the newest first with paging that keeps the filters', async () => {
      const list = cardOf((await harness.say('incidents'))[0]);
      expectCleanCard(list);
      const first = rowIds(list);
      expect(first).toHaveLength(10);
      const next = action(list, 'incidents.page');
      expect(next.title).toBe('Next ▶');
      const page2 = invokeCard(await harness.execute('incidents.page', next.data));
      expectCleanCard(page2);
      const second = rowIds(page2);
      expect(second.length).toBeGreaterThan(0);
      expect(second.some((id) => first.includes(id))).toBe(false);
      expect(findActions(page2).some((a) => a.title === '◀ Previous')).toBe(true);
    });

    it('"incidents resolved" and "incidents active high" filter on Graph’s side', async () => {
      const resolved = cardOf((await harness.say('incidents resolved'))[0]);
      expectCleanCard(resolved);
      expect(rowIds(resolved).length).toBeGreaterThan(0);
      expect(cardText(resolved)).toMatch(/Resolved/);
      expect(cardText(resolved)).not.toMatch(/\bActive\b · /);
      const log = harness.app.emulator!.requestLog().filter((r) => r.method === 'GET' && r.url.includes('/security/incidents?'));
      expect(decodeURIComponent(log.at(-1)!.url).replace(/\+/g, ' ')).toMatch(/\$filter=status eq 'resolved'/);
      const activeHigh = cardOf((await harness.say('incidents active high'))[0]);
      const last = harness.app
        .emulator!.requestLog()
        .filter((r) => r.url.includes('/security/incidents?'))
        .at(-1)!;
      expect(decodeURIComponent(last.url).replace(/\+/g, ' ')).toMatch(/status eq 'active'.*severity eq 'high'/);
      for (const id of rowIds(activeHigh)) {
        const detail = invokeCard(await harness.execute('incident.open', { id }));
        expect(cardText(detail)).toMatch(/Active/);
        expect(cardText(detail)).toMatch(/High/);
      }
    });

    it('Apply on the list filters with the choice sets; unknown values are dropped', async () => {
      const card = invokeCard(await harness.execute('incidents.filter', { status: 'resolved', severity: 'high,medium,catastrophic' }));
      expectCleanCard(card);
      const next = findActions(card).find((a) => a.verb === 'incidents.page');
      if (next) expect(next.data).toMatchObject({ statuses: ['resolved'], severities: ['medium', 'high'] });
      expect(cardText(card)).toMatch(/Resolved · Medium or High/);
      // The list's "New incident" button opens the form in the list's place.
      const form = invokeCard(await harness.execute('incident.newForm', action(card, 'incident.newForm').data));
      expect(cardText(form)).toMatch(/New security incident/);
      expect(String((action(form, 'incident.create').data as Json).formId)).toMatch(/^[0-9a-f-]{36}$/);
    });
  });

  describe('one incident', () => {
    it('"incident 1000" opens it with its update forms; an unknown id is said plainly', async () => {
      const card = cardOf((await harness.say('incident 1000'))[0]);
      expectCleanCard(card);
      expect(cardText(card)).toMatch(/1000/);
      expect(
        findActions(card)
          .filter((a) => a.verb === 'incident.update')
          .map((a) => (a.data as Json).change),
      ).toEqual(['status', 'assignment', 'classification']);
      const missing = await harness.say('incident 999999');
      expect(answerText(missing[0])).toMatch(/could not find security incident 999999\./);
    });

    it('updates status, assignment and classification in place, each once', async () => {
      let card = invokeCard(await harness.execute('incident.open', { id: '1007' }));
      const before = apiCalls(harness, 'PATCH', PATCH);
      card = invokeCard(await press(harness, card, 'incident.update', { change: 'status', status: 'resolved' }));
      expect(cardText(card)).toMatch(/Resolved/);
      const assignment = findActions(card).find((a) => a.verb === 'incident.update' && (a.data as Json).change === 'assignment')!;
      card = invokeCard(
        await harness.execute('incident.update', { ...inputs(card), ...(assignment.data as Json), assignedTo: 'megan.bowen@contoso.com' }),
      );
      expect(cardText(card)).toMatch(/megan\.bowen@contoso\.com/);
      const classify = findActions(card).find((a) => a.verb === 'incident.update' && (a.data as Json).change === 'classification')!;
      const classified = await harness.execute('incident.update', {
        ...inputs(card),
        ...(classify.data as Json),
        classification: 'truePositive',
        determination: 'malware',
      });
      // The same card pressed again (double click): answered from the first result, no second PATCH.
      const again = await harness.execute('incident.update', {
        ...inputs(card),
        ...(classify.data as Json),
        classification: 'truePositive',
        determination: 'malware',
      });
      card = invokeCard(classified);
      expect(cardText(card)).toMatch(/True positive/);
      expect(cardText(card)).toMatch(/Malware/);
      expect(invokeCard(again)).toEqual(card);
      expect(apiCalls(harness, 'PATCH', PATCH)).toBe(before + 3);
    });

    it('an invalid update keeps the card, opens that form with its message, sends nothing', async () => {
      const card = invokeCard(await harness.execute('incident.open', { id: '1014' }));
      const before = apiCalls(harness, 'PATCH', PATCH);
      const again = invokeCard(await press(harness, card, 'incident.update', { change: 'classification', classification: '' }));
      expect(fieldError(again, 'classification')).toBe('Choose a classification.');
      expect(apiCalls(harness, 'PATCH', PATCH)).toBe(before);
      const tampered = await press(harness, card, 'incident.update', { change: 'status', status: 'deleted' });
      expect(invokeMessage(tampered)).toMatch(/nothing was changed/);
      expect(apiCalls(harness, 'PATCH', PATCH)).toBe(before);
    });

    it('"Open MMD ticket" prefills the ticket form: incident type, severity mapped, the link in the description', async () => {
      const detail = invokeCard(await harness.execute('incident.open', { id: '1000' }));
      const severity = /Severity[^\n]*\n?([A-Za-z]+)/.exec(cardText(detail));
      const form = invokeCard(await harness.execute('incident.ticketForm', action(detail, 'incident.ticketForm').data));
      const values = inputs(form);
      expect(values.type).toBe('Incident');
      expect(String(values.title)).toMatch(/^Security incident: /);
      expect(String(values.description)).toMatch(/Security incident 1000/);
      expect(String(values.description)).toMatch(/Link: https:\/\/security\.microsoft\.com\/incidents\/1000/);
      const expected: Record<string, string> = { High: '2', Medium: '3', Low: '4' };
      if (severity && expected[severity[1]!]) expect(values.severity).toBe(expected[severity[1]!]);
      // No category yet: step 1, whose button shows the chosen category's subcategories.
      expect(() => action(form, 'ticket.chooseCategory')).not.toThrow();
    });
  });

  describe('new incident', () => {
    async function openForm(): Promise<Json> {
      const form = cardOf((await harness.say('new incident'))[0]);
      expect(() => action(form, 'incident.create')).not.toThrow();
      return form;
    }

    it('creates the incident once and replaces the form with it; a double submit answers the same', async () => {
      const form = await openForm();
      const before = apiCalls(harness, 'POST', CREATE);
      const first = invokeCard(await press(harness, form, 'incident.create', VALID));
      const second = invokeCard(await press(harness, form, 'incident.create', { ...VALID, displayName: 'Edited after the fact' }));
      expect(apiCalls(harness, 'POST', CREATE)).toBe(before + 1);
      expectCleanCard(first);
      expect(cardText(first)).toMatch(/Suspicious sign-in on MMD-00001/);
      expect(cardText(first)).toMatch(/VIP, Finance/);
      expect(() => action(first, 'incident.create')).toThrow();
      expect(second).toEqual(first);
      const id = String((action(first, 'incident.open').data as Json).id);
      const listed = cardOf((await harness.say(`incident ${id}`))[0]);
      expect(cardText(listed)).toMatch(/adele\.vance@contoso\.com/);
    });

    it('concurrent submits of one form create one incident', async () => {
      harness.app.emulator!.faults.add({ method: 'POST', path: '/security/incidents$', latencyMs: 500, times: 1 });
      const form = await openForm();
      const before = apiCalls(harness, 'POST', CREATE);
      const [a, b] = await Promise.all([press(harness, form, 'incident.create', VALID), press(harness, form, 'incident.create', VALID)]);
      expect(apiCalls(harness, 'POST', CREATE)).toBe(before + 1);
      expect(action(invokeCard(a), 'incident.open').data).toEqual(action(invokeCard(b), 'incident.open').data);
    });

    it('invalid input keeps the form, what was typed and the formId, and sends nothing', async () => {
      const form = await openForm();
      const before = apiCalls(harness, 'POST', CREATE);
      const evil = '[click](https://evil.example) **bold**';
      const again = invokeCard(
        await press(harness, form, 'incident.create', { ...VALID, displayName: '', comment: evil, status: 'redirected' }),
      );
      expect(fieldError(again, 'displayName')).toBe('Enter a title (at most 256 characters).');
      expect(inputs(again).comment).toBe(evil);
      expect((action(again, 'incident.create').data as Json).formId).toBe((action(form, 'incident.create').data as Json).formId);
      expect(apiCalls(harness, 'POST', CREATE)).toBe(before);
      const fixed = invokeCard(await press(harness, again, 'incident.create', { displayName: 'Fixed title', status: 'active' }));
      expect(cardText(fixed)).toMatch(/Fixed title/);
      expect(apiCalls(harness, 'POST', CREATE)).toBe(before + 1);
    });

    it.each<[string, Json]>([
      ['a formId that is no UUID', { formId: 'form-1' }],
      ['an unknown severity', { severity: 'catastrophic' }],
      ['a title of the wrong type', { displayName: ['a'] }],
      ['an over-long comment', { comment: 'c'.repeat(20_000) }],
    ])('tampered data (%s) changes nothing', async (_name, change) => {
      const form = await openForm();
      const before = apiCalls(harness, 'POST', CREATE);
      expect(invokeMessage(await press(harness, form, 'incident.create', { ...VALID, ...change }))).toMatch(/nothing was changed/);
      expect(apiCalls(harness, 'POST', CREATE)).toBe(before);
    });

    it.each([403, 405, 400] as const)(
      'a refused create (%i) is shown as the service said it, the form kept and free to retry',
      async (status) => {
        await refuseCreate(harness, 'incidents', status);
        const form = await openForm();
        const refused = invokeCard(await press(harness, form, 'incident.create', VALID));
        const text = cardText(refused).replace(/\\/g, '');
        expect(text).toMatch(new RegExp(`Microsoft Graph refused this \\(HTTP ${status}`));
        expect(text).toMatch(/nothing was created\. It said: \S/);
        if (status === 403) expect(text).toMatch(/SecurityIncident\.ReadWrite\.All/);
        expect(inputs(refused).displayName).toBe(VALID.displayName);
        await refuseCreate(harness, 'incidents', null);
        const created = invokeCard(await press(harness, refused, 'incident.create'));
        expect(cardText(created)).toMatch(/Suspicious sign-in on MMD-00001/);
      },
    );
  });

  it('a Graph failure on a list is the error card with Graph’s words, not a crash', async () => {
    harness.app.emulator!.faults.add({
      method: 'GET',
      path: '/security/incidents$',
      status: 403,
      body: { error: { code: 'Forbidden', message: 'Missing role SecurityIncident.Read.All' } },
      times: 1,
    });
    const card = cardOf((await harness.say('incidents'))[0]);
    expect(cardText(card)).toMatch(/Something went wrong while listing security incidents/);
    expect(cardText(card)).toMatch(/Missing role SecurityIncident\.Read\.All/);
  });
});
