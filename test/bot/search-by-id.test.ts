import { EXAMPLE_TICKET_ID } from '../../src/emulator/seed';
import { incidentFilter } from '../../src/graph/resources/incidents';
import { ticketFilter } from '../../src/mmd/resources/tickets';
import { cardOf, cardText } from '../helpers/bot-harness';
import { TurnHarness } from '../helpers/turn-harness';
import { invoke, resultsOf, tapValue } from './extensions/extension-helpers';

type Json = Record<string, unknown>;
const QUERY = 'composeExtension/query';
const search = (text: string): Json => ({
  commandId: 'search',
  parameters: [{ name: 'searchText', value: text }],
  queryOptions: { skip: 0, count: 25 },
});

/** Issue 25 point 1: a ticket id or its start finds the ticket; incidents are searched too. */
describe('search by a ticket id or its start, and incidents in the extension', () => {
  let harness: TurnHarness;

  beforeAll(async () => {
    harness = await TurnHarness.start();
  });
  afterAll(async () => {
    await harness?.stop();
  });

  it('the extension finds the ticket by the start of its id, with or without the prefix', async () => {
    for (const text of ['MMD-1465058', '1465058', 'mmd-1465058-r5']) {
      const results = resultsOf((await invoke(harness, QUERY, search(text))).body);
      const tickets = results.filter((r) => tapValue(r).kind === 'ticket').map((r) => tapValue(r).id);
      expect({ text, tickets }).toEqual({ text, tickets: [EXAMPLE_TICKET_ID] });
    }
  });

  it('chat finds the ticket by the start of its id: alone, after "ticket", and in "tickets …"', async () => {
    for (const text of ['MMD-1465058', 'ticket 1465058', 'tickets 1465058']) {
      const replies = await harness.say(text);
      expect({ text, shown: cardText(cardOf(replies[0])) }).toEqual({ text, shown: expect.stringContaining(EXAMPLE_TICKET_ID) });
    }
  });

  it('an id start that matches no ticket still says so', async () => {
    const replies = await harness.say('ticket 9999999');
    expect(JSON.stringify(replies)).toContain('could not find ticket');
  });

  it('the extension lists security incidents named like the text, and inserts the incident', async () => {
    const [incident] = (await harness.app.graph.incidents.list({ top: 1 })).items;
    const word =
      String(incident!.displayName)
        .split(' ')
        .find((w) => w.length > 5) ?? String(incident!.displayName);
    const results = resultsOf((await invoke(harness, QUERY, search(word))).body);
    const incidents = results.filter((r) => tapValue(r).kind === 'incident');
    expect(incidents.map((r) => tapValue(r).id)).toContain(incident!.id);
    const [chosen] = resultsOf((await invoke(harness, 'composeExtension/selectItem', { kind: 'incident', id: incident!.id })).body);
    expect(cardText(chosen!.content)).toContain(String(incident!.displayName));
    const [missing] = resultsOf((await invoke(harness, 'composeExtension/selectItem', { kind: 'incident', id: 'no-such-incident' })).body);
    expect(cardText(missing!.content)).toContain('No security incident');
  });

  it('a result card shows only what the search result carries; the chosen one is fetched whole (issue 25 point 8)', async () => {
    const results = resultsOf((await invoke(harness, QUERY, search('MMD-00001'))).body);
    const device = results.find((r) => tapValue(r).kind === 'device')!;
    const listed = cardText(device.content);
    expect(listed).not.toMatch(/Groups \(0\)|Not in any group|Configurations \(0\)/);
    expect(listed).toContain('Groups and configurations are not in search results');
    const [chosen] = resultsOf((await invoke(harness, 'composeExtension/selectItem', tapValue(device))).body);
    const whole = await harness.app.mmd.devices.get('MMD-00001');
    expect(cardText(chosen!.content)).toContain(`Groups (${whole!.groups.length})`);
    expect(cardText(chosen!.content)).toContain(`Configurations (${whole!.configurations.length})`);
    const ticket = resultsOf((await invoke(harness, QUERY, search('1465058'))).body).find((r) => tapValue(r).kind === 'ticket')!;
    expect(cardText(ticket.content)).not.toContain('Notes (0)');
  });

  it('a Graph refusal of the incident search still finds devices and tickets', async () => {
    harness.app.emulator!.faults.add({ method: 'GET', path: '/security/incidents', status: 403, times: 5 });
    try {
      const results = resultsOf((await invoke(harness, QUERY, search('MMD-1465058'))).body);
      expect(results.map((r) => tapValue(r).id).filter(Boolean)).toContain(EXAMPLE_TICKET_ID);
      expect(harness.app.emulator!.requestLog().some((r) => r.url.includes('/security/incidents') && r.status === 403)).toBe(true);
    } finally {
      harness.app.emulator!.faults.clear();
    }
  });

  it('user text goes into the $filter as an escaped literal', () => {
    expect(ticketFilter({ titleOrIdContains: "MMD-1' or 1 eq 1" })?.toString()).toBe(
      "contains(title,'MMD-1'' or 1 eq 1') or contains(id,'MMD-1'' or 1 eq 1')",
    );
    expect(incidentFilter({ displayNameContains: "x') or true or ('" })).toBe("contains(displayName,'x'') or true or (''')");
  });
});
