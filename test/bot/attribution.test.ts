/**
 * With app context the MMD service records the app ("sandbox-client") as the author of every
 * write: the bot names the admin in the text itself, and records the change in the audit log.
 */
import { noteText } from '../../src/cards/note-rows';
import { EXAMPLE_ELEVATED_DEVICE } from '../../src/emulator/seed';
import { writeAudit } from '../../src/state/audit-log';
import { cardOf, cardText, DEFAULT_USER, answerText } from '../helpers/bot-harness';
import { TurnHarness } from '../helpers/turn-harness';
import { findActions, findElements, validateCard } from '../helpers/card-validation';
import { ADMIN_BY_ID, ADMIN_ENV, addMembers, executeOnCard } from './elevation-details-helpers';
import { apiCalls, chooseCategory, fieldError, invokeCard, press } from './forms/form-helpers';

type Json = Record<string, unknown>;

const ADELE_LINE = '— Adele Vance (adele.vance@contoso.com) via MMD Assist';

describe('attribution and audit of changes made through the bot', () => {
  let harness: TurnHarness;
  let ticketA: string;
  let ticketB: string;

  beforeAll(async () => {
    harness = await TurnHarness.start({ env: ADMIN_ENV });
    addMembers(harness);
    const page = await harness.app.mmd.tickets.list({ states: ['active'], top: 2 });
    ticketA = page.items[0]!.id;
    ticketB = page.items[1]!.id;
  });
  afterAll(async () => {
    await harness?.stop();
  });

  async function addNote(ticketId: string, text: string): Promise<Json> {
    const form = invokeCard(await harness.execute('ticket.addNoteForm', { id: ticketId }));
    return invokeCard(await press(harness, form, 'ticket.addNote', { text }));
  }

  async function auditRows(command: string): Promise<string[]> {
    const card = cardOf((await harness.say(command))[0]);
    expect(validateCard(card)).toEqual([]);
    return findElements(card, 'ColumnSet').map((row) => cardText(row));
  }

  it('a note added through the bot names the admin who added it, and the audit lists it', async () => {
    await addNote(ticketA, 'Replaced the docking station.');
    // Read back from the emulator: the service records the app, the text names the admin.
    const note = (await harness.app.mmd.tickets.notes(ticketA)).at(-1)!;
    expect(note.sender).toBe('sandbox-client');
    // Sent as HTML (notes are HTML at the service), read back as typed.
    expect(note.text).toBe(`Replaced the docking station.<br><br>${ADELE_LINE}`);
    expect(noteText(note)).toBe(`Replaced the docking station.\n\n${ADELE_LINE}`);

    const [row] = await auditRows('audit');
    expect(row).toMatch(
      new RegExp(`Adele Vance · added a note to ticket ${ticketA}[\\s\\S]*adele\\.vance@contoso\\.com · in a 1:1 chat[\\s\\S]*Done`),
    );
  });

  it('without a roster entry, names the admin from the activity', async () => {
    const form = invokeCard(
      await harness.execute('ticket.addNoteForm', { id: ticketB }, { user: ADMIN_BY_ID, conversationId: 'personal-megan' }),
    );
    invokeCard(
      await harness.execute(
        'ticket.addNote',
        { ...(findActions(form).find((a) => a.verb === 'ticket.addNote')!.data as Json), text: 'Checked.' },
        { user: ADMIN_BY_ID, conversationId: 'personal-megan' },
      ),
    );
    expect(noteText((await harness.app.mmd.tickets.notes(ticketB)).at(-1)!)).toBe('Checked.\n\n— Megan Bowen via MMD Assist');
  });

  it('asks to shorten a note that no longer fits with the name added, and sends nothing', async () => {
    const form = invokeCard(await harness.execute('ticket.addNoteForm', { id: ticketA }));
    const before = apiCalls(harness, 'POST', /\/addNote$/);
    const again = invokeCard(await press(harness, form, 'ticket.addNote', { text: 'x'.repeat(3990) }));
    expect(fieldError(again, 'text')).toMatch(/With your name added at the end, the note can be at most 39\d\d characters; it has 3990\./);
    expect(apiCalls(harness, 'POST', /\/addNote$/)).toBe(before);
  });

  it('subscriptions and reveals are recorded too; the filters pick them out', async () => {
    await harness.execute('ticket.subscribe', { id: ticketA });
    await executeOnCard(harness, 'elevation.reveal', { deviceName: EXAMPLE_ELEVATED_DEVICE });

    const notes = await auditRows('audit action note');
    expect(notes).toHaveLength(2);
    expect(notes.every((r) => r.includes('added a note to ticket'))).toBe(true);

    const onA = await auditRows(`audit ticket ${ticketA}`);
    expect(onA.map((r) => r.split('\n')[0])).toEqual([
      `Adele Vance · subscribed to ${ticketA}`,
      `Adele Vance · added a note to ticket ${ticketA}`,
    ]);

    const byMegan = await auditRows('audit user aad-admin-2');
    expect(byMegan).toHaveLength(1);
    expect(byMegan[0]).toContain(`Megan Bowen · added a note to ticket ${ticketB}`);
    expect(await auditRows('show me the audit log for user ADELE.VANCE@contoso.com action note')).toHaveLength(1);

    const device = await auditRows(`audit device ${EXAMPLE_ELEVATED_DEVICE}`);
    expect(device).toHaveLength(1);
    expect(device[0]).toMatch(/revealed elevation details of/);

    expect(await auditRows('audit since 2099-01-01')).toEqual([]);
    expect((await auditRows(`audit since ${new Date().toISOString().slice(0, 10)}`)).length).toBe(4);
  });

  it.each([
    ['audit action bogus', /I do not know the action "bogus"\. Use one of: note, ticket/],
    ['audit since yesterday', /yyyy-mm-dd/],
    ['audit colour red', /I do not know the filter "colour"/],
    ['audit ticket MMD-1 device MMD-2', /a ticket or by a device, not both/],
  ])('answers %s with what is wrong and the usage', async (command, message) => {
    const [reply] = await harness.say(command);
    expect(answerText(reply)).toMatch(message);
  });

  it('pages 20 at a time, keeping the filters', async () => {
    for (let i = 0; i < 25; i++) {
      await writeAudit(harness.app.storage, {
        at: new Date(Date.UTC(2030, 0, 1, 0, i)).toISOString(),
        action: 'elevation.close',
        outcome: 'done',
        target: { kind: 'elevation', id: `req-${String(i).padStart(2, '0')}` },
        user: { id: DEFAULT_USER.id, name: 'Bulk' },
        conversation: { id: 'c', kind: 'personal' },
        correlationId: 'x',
      });
    }
    const first = cardOf((await harness.say('audit action close'))[0]);
    const rows = findElements(first, 'ColumnSet').map((row) => cardText(row));
    expect(rows).toHaveLength(20);
    expect(rows[0]).toContain('req-24');
    const older = findActions(first).find((a) => a.title === 'Older ▶')!;
    expect(older.data).toMatchObject({ action: 'close', before: expect.stringMatching(/^audit\//) });

    const second = invokeCard(await harness.execute('audit.page', older.data));
    const rest = findElements(second, 'ColumnSet').map((row) => cardText(row));
    expect(rest.map((r) => /req-\d\d/.exec(r)![0])).toEqual(['req-04', 'req-03', 'req-02', 'req-01', 'req-00']);
    expect(findActions(second).map((a) => a.title)).toEqual(['◀ Newest', 'Refresh']);
  });

  it('ticket and elevation forms record their changes, with the admin named in the plan of action', async () => {
    const form = await chooseCategory(
      harness,
      invokeCard(await harness.execute('elevation.requestForm', { deviceName: 'MMD-00001' })),
      'Office',
    );
    const created = await press(harness, form, 'elevation.create', {
      deviceName: 'MMD-00001',
      ticketId: ticketA,
      title: 'Repair Excel add-in',
      category: 'Office',
      subcategory: 'Excel',
      planOfAction: 'Re-register the add-in.',
    });
    expect(created.type).toBe('application/vnd.microsoft.card.adaptive');
    const request = (await harness.app.mmd.elevations.list({ deviceName: 'MMD-00001', top: 50 })).items.find((r) =>
      r.planOfAction?.startsWith('Re-register the add-in.'),
    )!;
    expect(request.planOfAction).toBe(`Re-register the add-in.\n\n${ADELE_LINE}`);
    const [row] = await auditRows('audit action elevation user adele.vance@contoso.com');
    expect(row).toContain(`Adele Vance · requested elevation ${request.id}`);
    expect(row).toContain(`MMD-00001, ticket ${ticketA}`);
    // The device filter finds elevation requests on the device as well as reveals of it.
    expect((await auditRows('audit device mmd-00001')).map((r) => r.split('\n')[0])).toEqual([
      `Adele Vance · requested elevation ${request.id}`,
    ]);
  });

  it('refuses the audit pages to non-admins', async () => {
    const res = await harness.execute(
      'audit.page',
      {},
      { user: { id: 'user-9', name: 'Nobody', aadObjectId: 'aad-9' }, conversationId: 'personal-nobody' },
    );
    expect(JSON.stringify(res.value)).toMatch(/needs the bot-admin role/);
  });
});
