import { cardText } from '../../helpers/bot-harness';
import { TurnHarness } from '../../helpers/turn-harness';
import { invoke, messageOf, resultsOf, tapValue, type Result } from './extension-helpers';

type Json = Record<string, unknown>;

const QUERY = 'composeExtension/query';

const search = (text: string | undefined, skip = 0, count = 25, commandId = 'search'): Json => ({
  commandId,
  parameters: text === undefined ? [] : [{ name: 'searchText', value: text }],
  queryOptions: { skip, count },
});

const initialRun = (skip = 0, count = 25): Json => ({
  commandId: 'search',
  parameters: [{ name: 'initialRun', value: 'true' }],
  queryOptions: { skip, count },
});

const keys = (results: Result[]) => results.map((r) => JSON.stringify(tapValue(r)));

describe('message extension: search command (composeExtension/query)', () => {
  let harness: TurnHarness;

  beforeAll(async () => {
    harness = await TurnHarness.start();
  });
  afterAll(async () => {
    await harness?.stop();
  }, 15_000);
  afterEach(() => harness.app.emulator?.faults.clear());

  it('shows the most recent tickets on the initial run, newest first', async () => {
    const { status, body } = await invoke(harness, QUERY, initialRun(0, 10));
    expect(status).toBe(200);
    const results = resultsOf(body);
    const expected = await harness.app.mmd.tickets.list({ orderBy: { field: 'createdDateTime', direction: 'desc' }, top: 10 });
    expect(results.map((r) => tapValue(r))).toEqual(expected.items.map((t) => ({ kind: 'ticket', id: t.id })));
    // The inserted card is the ticket's own card; the preview names it.
    expect(cardText(results[0]!.content)).toContain(expected.items[0]!.id);
    expect(String(results[0]!.preview.content.title)).toContain(expected.items[0]!.id);
  });

  it('pages the initial run with skip and count', async () => {
    const all = resultsOf((await invoke(harness, QUERY, initialRun(0, 10))).body);
    const first = resultsOf((await invoke(harness, QUERY, initialRun(0, 5))).body);
    const second = resultsOf((await invoke(harness, QUERY, initialRun(5, 5))).body);
    expect(first).toHaveLength(5);
    expect([...keys(first), ...keys(second)]).toEqual(keys(all));
  });

  it('finds devices first, then incidents, then tickets, and pages across all without gaps or repeats', async () => {
    // "MMD-0001" matches the devices MMD-00010 .. MMD-00019 by name, and these tickets by title.
    for (const title of ['MMD-00012 screen flickers', 'MMD-00015 cannot print', 'MMD-00017 slow logon']) {
      await harness.app.mmd.tickets.create({
        title,
        description: 'From the search test.',
        type: 'ChangeRequest',
        category: 'Devices',
        subcategory: 'Deployment groups assignment',
        severity: 4,
        contact: { givenName: 'Adele', surname: 'Vance', email: 'adele.vance@contoso.com', phoneNumber: '+1 425 555 0100' },
      });
    }
    const text = 'MMD-0001';
    const whole = resultsOf((await invoke(harness, QUERY, search(text, 0, 25))).body);
    const devices = whole.filter((r) => tapValue(r).kind === 'device');
    expect(devices).toHaveLength(10);
    expect(whole.slice(0, devices.length)).toEqual(devices);
    // Seeded incidents name devices too (Graph, between devices and tickets).
    const kinds = whole.slice(devices.length).map((r) => tapValue(r).kind);
    expect(kinds.slice(-3)).toEqual(['ticket', 'ticket', 'ticket']);
    expect(new Set(kinds.slice(0, -3))).toEqual(new Set(['incident']));
    const paged: Result[] = [];
    for (let skip = 0; skip < 30; skip += 4) {
      const page = resultsOf((await invoke(harness, QUERY, search(text, skip, 4))).body);
      paged.push(...page);
      if (page.length < 4) break;
    }
    expect(keys(paged)).toEqual(keys(whole));
    expect(cardText(devices[0]!.content)).toContain(String(tapValue(devices[0]!).name));
  });

  it('lists tickets whose title matches', async () => {
    const ticket = (await harness.app.mmd.tickets.list({ top: 1 })).items[0]!;
    const word =
      String(ticket.title)
        .split(' ')
        .find((w) => w.length > 4) ?? String(ticket.title);
    const results = resultsOf((await invoke(harness, QUERY, search(word))).body);
    expect(results.map((r) => tapValue(r))).toContainEqual({ kind: 'ticket', id: ticket.id });
  });

  it('answers a ticket id with that ticket', async () => {
    const ticket = (await harness.app.mmd.tickets.list({ top: 1 })).items[0]!;
    const results = resultsOf((await invoke(harness, QUERY, search(ticket.id.toLowerCase()))).body);
    expect(results.map((r) => tapValue(r))).toEqual([{ kind: 'ticket', id: ticket.id }]);
    expect(resultsOf((await invoke(harness, QUERY, search(ticket.id, 25))).body)).toEqual([]);
  });

  it('answers an empty list when nothing matches', async () => {
    expect(resultsOf((await invoke(harness, QUERY, search('zzqqxxnothing'))).body)).toEqual([]);
  });

  it('inserts the full card of the chosen result (composeExtension/selectItem)', async () => {
    const { status, body } = await invoke(harness, 'composeExtension/selectItem', { kind: 'device', name: 'MMD-00001' });
    expect(status).toBe(200);
    const [result] = resultsOf(body);
    const device = await harness.app.mmd.devices.get('MMD-00001');
    expect(cardText(result!.content)).toContain('MMD-00001');
    // The full card: configurations come from the device itself, not from the list.
    expect(device!.configurations.length).toBeGreaterThan(0);
    expect(cardText(result!.content)).toContain(String(device!.configurations[0]!.name));

    const ticket = (await harness.app.mmd.tickets.list({ top: 1 })).items[0]!;
    const [chosen] = resultsOf((await invoke(harness, 'composeExtension/selectItem', { kind: 'ticket', id: ticket.id })).body);
    expect(cardText(chosen!.content)).toContain(ticket.id);
  });

  it('answers a missing device or ticket with the not-found card', async () => {
    const [result] = resultsOf((await invoke(harness, 'composeExtension/selectItem', { kind: 'device', name: 'NOPE-404' })).body);
    expect(cardText(result!.content)).toMatch(/No device named .*NOPE-404/);
  });

  describe('bad input gets a clear message, never a 500', () => {
    it.each([
      ['an unknown command id', search('pc', 0, 25, 'deleteEverything'), /does not have that command/],
      ['no parameters', search(undefined), /without its search text/],
      ['an oversized query', search('x'.repeat(101)), /at most 100 characters/],
      [
        'a parameter that is not text',
        { commandId: 'search', parameters: [{ name: 'searchText', value: { $ne: 1 } }] },
        /without its search text/,
      ],
    ])('%s', async (_what, value, message) => {
      const { status, body } = await invoke(harness, QUERY, value);
      expect(status).toBe(200);
      expect(messageOf(body)).toMatch(message);
    });

    it('tampered selectItem data', async () => {
      for (const value of [
        { kind: 'device', name: 'x'.repeat(65) },
        { kind: 'user', upn: 'a@b.c' },
      ]) {
        const { status, body } = await invoke(harness, 'composeExtension/selectItem', value);
        expect(status).toBe(200);
        expect(messageOf(body)).toMatch(/cannot accept/);
      }
    });

    it('absurd paging options are clamped', async () => {
      const { status, body } = await invoke(harness, QUERY, { ...initialRun(), queryOptions: { skip: -5, count: 10_000 } });
      expect(status).toBe(200);
      expect(resultsOf(body).length).toBeLessThanOrEqual(25);
    });
  });

  it('answers an API failure with a message and the reference', async () => {
    harness.app.emulator!.faults.add({ path: '/devices$', status: 400 });
    const { status, body } = await invoke(harness, QUERY, search('mmd'));
    expect(status).toBe(200);
    expect(messageOf(body)).toMatch(/^Searching devices and tickets failed\. \(Reference: [0-9a-f-]{36}\)$/);
  });

  it('answers "still loading" within the invoke deadline when the API is slow', async () => {
    // An invoke deadline of 0.6 s instead of Teams' 4.5 s: the rule, not the length, is tested.
    const quick = await TurnHarness.start({ deadlines: { messageMs: 12_000, invokeMs: 600 } });
    try {
      quick.app.emulator!.faults.add({ path: '/tickets$', latencyMs: 3000, times: 1 });
      const { status, body } = await invoke(quick, QUERY, initialRun());
      expect(status).toBe(200);
      const [result] = resultsOf(body);
      expect(cardText(result!.content)).toMatch(/Still loading, try again/);
      expect(result!.preview.content.title).toBe('Still loading, try again');
    } finally {
      await quick.stop();
    }
  });
});
