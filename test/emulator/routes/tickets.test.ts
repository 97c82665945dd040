import { EXAMPLE_QUOTED_TICKET_ID, EXAMPLE_TICKET_ID } from '../../../src/emulator/seed';
import { startHarness, type Collection, type Harness } from '../emulator-harness';

type Ticket = Record<string, unknown> & {
  id: string;
  title: string;
  state: string;
  severity: number;
  type: string;
  createdDateTime: string;
  notes: { id: number; text: string; renderType: string }[];
};

const newTicket = {
  title: 'Outlook keeps asking for a password',
  description: 'Since Monday, for the whole finance team.',
  type: 'Incident',
  category: 'Apps',
  subcategory: 'Microsoft 365 Apps',
  severity: 2,
  usersOrDevicesImpacted: 12,
  businessImpact: 'Finance cannot send invoices',
  contact: { givenName: 'Adele', surname: 'Vance', email: 'adele.vance@contoso.com', phoneNumber: '+1 425 555 0100' },
};

const key = (id: string): string => encodeURIComponent(`'${id.replace(/'/g, "''")}'`);

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(() => h.close());

describe('POST tickets', () => {
  it('creates a ticket, answers 200 with the full entity, and lists it first', async () => {
    const created = await h.api<Ticket>('tickets', { method: 'POST', body: JSON.stringify(newTicket) });
    expect(created.status).toBe(200);
    expect(created.body['@odata.context']).toMatch(/\$metadata#Tickets\/\$entity$/);
    expect(created.body.id).toMatch(/^MMD-\d{7}-[A-Z0-9]{5}$/);
    expect(created.body).toMatchObject({
      state: 'active',
      nextActionOwner: 'Microsoft',
      severity: 2,
      usersOrDevicesImpacted: 12,
      compromiseIndicator: null,
      resolvedDateTime: null,
      emails: [],
      attachments: [],
      notes: [],
    });
    expect((created.body.contact as Record<string, unknown>).id).toEqual(expect.any(String));

    const list = await h.api<Collection<Ticket>>('tickets?$top=5');
    expect(list.body.value[0]!.id).toBe(created.body.id);
    const byId = await h.api<Ticket>(`tickets(${key(created.body.id)})`);
    expect(byId.status).toBe(200);
    expect(byId.body.title).toBe(newTicket.title);
  });

  it.each([
    ['a missing title', { ...newTicket, title: undefined }, 'title'],
    ['an unknown type', { ...newTicket, type: 'Question' }, 'type'],
    ['a severity of 5', { ...newTicket, severity: 5 }, 'severity'],
    ['a severity given as text', { ...newTicket, severity: '2' }, 'severity'],
    ['a contact without e-mail', { ...newTicket, contact: { ...newTicket.contact, email: undefined } }, 'contact.email'],
    ['no contact', { ...newTicket, contact: undefined }, 'contact'],
    ['an empty subcategory', { ...newTicket, subcategory: '  ' }, 'subcategory'],
  ])('refuses %s with a 400 naming the field', async (_name, body, field) => {
    const answer = await h.api<{ error: { code: string; message: string } }>('tickets', { method: 'POST', body: JSON.stringify(body) });
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('400');
    expect(answer.body.error.message).toContain(`'${field}'`);
  });

  it('refuses a body that is not JSON, or not an object', async () => {
    expect((await h.api('tickets', { method: 'POST', body: '{"title":' })).status).toBe(400);
    expect((await h.api('tickets', { method: 'POST', body: '[1,2]' })).status).toBe(400);
    expect((await h.api('tickets', { method: 'POST' })).status).toBe(400);
  });

  it('refuses a body over the size limit with a 413', async () => {
    const answer = await h.api('tickets', { method: 'POST', body: JSON.stringify({ ...newTicket, description: 'x'.repeat(70_000) }) });
    expect(answer.status).toBe(413);
  });
});

describe('GET tickets', () => {
  it('answers newest first by default, with every type, state and drifting values', async () => {
    const all = (await h.api<Collection<Ticket>>('tickets')).body.value;
    expect(all).toHaveLength(40);
    expect(all[0]!.id).toBe(EXAMPLE_TICKET_ID);
    expect(new Set(all.map((t) => t.type))).toEqual(new Set(['Incident', 'ChangeRequest', 'Change Request', 'RequestForInformation']));
    expect(new Set(all.map((t) => t.state))).toEqual(new Set(['new', 'active', 'resolved', 'closed']));
    expect(new Set(all.map((t) => t.severity))).toEqual(new Set([1, 2, 3, 4]));
    expect(all.some((t) => t.subcategory === 'Other ')).toBe(true);
    // Lists carry no notes; they have their own endpoint.
    expect(all.every((t) => t.notes.length === 0)).toBe(true);
  });

  it('filters with $filter as the documents show', async () => {
    const state = await h.api<Collection<Ticket>>(`tickets?$filter=${encodeURIComponent("state eq 'resolved' and severity eq 2")}`);
    expect(state.status).toBe(200);
    expect(state.body.value.length).toBeGreaterThan(0);
    expect(state.body.value.every((t) => t.state === 'resolved' && t.severity === 2)).toBe(true);

    const title = await h.api<Collection<Ticket>>(`tickets?$filter=${encodeURIComponent("contains(title,'Test')")}`);
    expect(title.body.value.length).toBeGreaterThan(0);
    expect(title.body.value.every((t) => t.title.includes('Test'))).toBe(true);

    const complex = await h.api<Collection<Ticket>>(
      // The sample data is dated relative to the emulator's start: every seeded ticket is older than now.
      `tickets?$filter=${encodeURIComponent(`(severity le 2 or state eq 'new') and not (type eq 'Incident') and createdDateTime lt ${new Date().toISOString().slice(0, 19)}Z`)}`,
    );
    expect(complex.status).toBe(200);
    expect(complex.body.value.length).toBeGreaterThan(0);
    for (const t of complex.body.value) {
      expect(t.severity <= 2 || t.state === 'new').toBe(true);
      expect(t.type).not.toBe('Incident');
    }
  });

  it('orders with $orderby (comma list, asc/desc) and pages with $skip/$top', async () => {
    const asc = (await h.api<Collection<Ticket>>(`tickets?$orderby=${encodeURIComponent('severity asc, createdDateTime desc')}`)).body
      .value;
    for (let i = 1; i < asc.length; i++) {
      const [a, b] = [asc[i - 1]!, asc[i]!];
      expect(a.severity).toBeLessThanOrEqual(b.severity);
      if (a.severity === b.severity) expect(Date.parse(a.createdDateTime)).toBeGreaterThanOrEqual(Date.parse(b.createdDateTime));
    }
    const page1 = await h.api<Collection<Ticket>>('tickets?$skip=0&$top=15&$orderby=createdDateTime%20asc');
    const page3 = await h.api<Collection<Ticket>>('tickets?$skip=30&$top=15&$orderby=createdDateTime%20asc');
    expect(page1.body.value[0]!.id).toBe(EXAMPLE_QUOTED_TICKET_ID);
    expect(page1.body['@odata.nextLink']).toContain('%24orderby=createdDateTime%20asc');
    expect(page3.body.value).toHaveLength(10);
    expect(page3.body.value[9]!.id).toBe(EXAMPLE_TICKET_ID);
  });

  it.each([
    "state eq 'resolved' and",
    "state eq 'unterminated",
    'nosuchfield eq 1',
    "severity eq 'high'",
    'contains(title)',
    'state eq resolved',
  ])('answers 400 in the error shape for the malformed filter %p', async (filter) => {
    const answer = await h.api<{ error: { code: string; message: string } }>(`tickets?$filter=${encodeURIComponent(filter)}`);
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe('400');
    expect(answer.body.error.message).toMatch(/^The query specified in the URI is not valid/);
  });

  it('answers 400 for an unknown $orderby field or direction', async () => {
    expect((await h.api('tickets?$orderby=colour')).status).toBe(400);
    expect((await h.api('tickets?$orderby=severity%20up')).status).toBe(400);
  });
});

describe("GET tickets('ID')", () => {
  it('answers the entity with its notes', async () => {
    const answer = await h.api<Ticket>(`tickets('${EXAMPLE_TICKET_ID}')`);
    expect(answer.status).toBe(200);
    expect(answer.body.id).toBe(EXAMPLE_TICKET_ID);
    expect(answer.body.notes.length).toBeGreaterThan(0);
  });

  it('reads a key with a doubled quote, raw or URL-encoded', async () => {
    const raw = await h.api<Ticket>(`tickets('${EXAMPLE_QUOTED_TICKET_ID.replace("'", "''")}')`);
    expect(raw.status).toBe(200);
    expect(raw.body.id).toBe(EXAMPLE_QUOTED_TICKET_ID);
    const encoded = await h.api<Ticket>(`tickets(${key(EXAMPLE_QUOTED_TICKET_ID)})`);
    expect(encoded.body.id).toBe(EXAMPLE_QUOTED_TICKET_ID);
  });

  it('refuses an undoubled quote inside the key with a 400', async () => {
    const answer = await h.api(`tickets('${EXAMPLE_QUOTED_TICKET_ID}')`);
    expect(answer.status).toBe(400);
  });

  it("accepts the documents' braces placeholder leniently", async () => {
    const answer = await h.api<Ticket>(`tickets('{${EXAMPLE_TICKET_ID}}')`);
    expect(answer.body.id).toBe(EXAMPLE_TICKET_ID);
  });

  it('answers 404 for an unknown ticket', async () => {
    const answer = await h.api(`tickets('MMD-0000000-NOPE0')`);
    expect(answer.status).toBe(404);
    expect(answer.body).toEqual({ error: { code: '404', message: 'This ticket does not exist.' } });
  });
});

describe("tickets('ID')/notes and addNote", () => {
  it('round-trips a note, HTML kept as sent', async () => {
    const before = await h.api<Collection<{ id: number; text: string }>>(`tickets('${EXAMPLE_TICKET_ID}')/notes`);
    expect(before.status).toBe(200);
    expect(before.body['@odata.context']).toContain(`$metadata#Tickets('${EXAMPLE_TICKET_ID}')/notes`);
    expect(before.body.value.some((n) => /<b>|<p>/.test(n.text))).toBe(true);

    const added = await h.api(`tickets('${EXAMPLE_TICKET_ID}')/addNote`, {
      method: 'POST',
      body: JSON.stringify({ text: '<p>Rebooted <b>again</b></p>' }),
      headers: { 'x-emulator-upn': 'megan.bowen@contoso.onmicrosoft.com' },
    });
    expect(added.status).toBe(204);
    expect(added.body).toBeUndefined();

    const after = await h.api<Collection<{ id: number; text: string; sender: string; renderType: string }>>(
      `tickets('${EXAMPLE_TICKET_ID}')/notes`,
    );
    expect(after.body.value).toHaveLength(before.body.value.length + 1);
    expect(after.body.value.at(-1)).toMatchObject({
      id: before.body.value.length,
      text: '<p>Rebooted <b>again</b></p>',
      renderType: 'html',
      sender: 'megan.bowen@contoso.onmicrosoft.com',
    });
  });

  it('refuses an empty note with a 400 and a note on an unknown ticket with a 404', async () => {
    expect((await h.api(`tickets('${EXAMPLE_TICKET_ID}')/addNote`, { method: 'POST', body: '{"text":""}' })).status).toBe(400);
    expect((await h.api(`tickets('MMD-1-X')/addNote`, { method: 'POST', body: '{"text":"hi"}' })).status).toBe(404);
  });
});
