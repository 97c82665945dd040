/**
 * Every change made through the bot writes an audit record: the Graph forms (incident create,
 * status / assignment / classification, enrollment failure report) and the subscription
 * commands (one ticket, every ticket, digest, quiet hours). Each change is made over the bot's
 * real /api/messages, then read back with `audit` as an admin: action, target and actor.
 */
import { cardOf, cardText, type SendOptions } from '../helpers/bot-harness';
import { TurnHarness } from '../helpers/turn-harness';
import { findActions, findElements, validateCard } from '../helpers/card-validation';
import { ADMIN_BY_ID, ADMIN_ENV } from './elevation-details-helpers';
import { inputs, invokeCard, press } from './forms/form-helpers';

type Json = Record<string, unknown>;

const CHANNEL: SendOptions = { conversationType: 'channel', conversationId: '19:audit-ops@thread.tacv2' };
/** Megan is an admin by object id and not in the roster: the actor comes from the activity. */
const MEGAN: SendOptions = { user: ADMIN_BY_ID, conversationId: 'personal-megan' };

describe('every change is audited', () => {
  let harness: TurnHarness;
  let ticketId: string;

  beforeAll(async () => {
    harness = await TurnHarness.start({ env: ADMIN_ENV });
    ticketId = (await harness.app.mmd.tickets.list({ states: ['active'], top: 1 })).items[0]!.id;
  });
  afterAll(async () => {
    await harness?.stop();
  });

  /** The audit card's rows (headline and detail lines), asked by an admin. */
  async function auditRows(command: string): Promise<string[]> {
    const card = cardOf((await harness.say(command))[0]);
    expect(validateCard(card)).toEqual([]);
    return findElements(card, 'ColumnSet').map((row) => cardText(row));
  }
  const headlines = (rows: string[]) => rows.map((r) => r.split('\n')[0]);

  it('incident create, status, assignment and classification: one record each, by the admin who did it', async () => {
    const form = invokeCard(await harness.execute('incident.newForm', {}));
    const created = invokeCard(
      await press(harness, form, 'incident.create', {
        displayName: 'Audit me: odd sign-in',
        severity: 'medium',
        status: 'active',
        assignedTo: '',
        tags: '',
        comment: '',
      }),
    );
    const id = String((findActions(created).find((a) => a.verb === 'incident.update')!.data as Json).id);
    let card = invokeCard(await press(harness, created, 'incident.update', { change: 'status', status: 'resolved' }));
    // Megan assigns it from her own copy of the card.
    const hers = invokeCard(await harness.execute('incident.open', { id }, MEGAN));
    const assignment = findActions(hers).find((a) => a.verb === 'incident.update' && (a.data as Json).change === 'assignment')!;
    card = invokeCard(
      await harness.execute(
        'incident.update',
        { ...inputs(hers), ...(assignment.data as Json), assignedTo: 'megan.bowen@contoso.com' },
        MEGAN,
      ),
    );
    const classify = findActions(card).find((a) => a.verb === 'incident.update' && (a.data as Json).change === 'classification')!;
    invokeCard(
      await harness.execute('incident.update', {
        ...inputs(card),
        ...(classify.data as Json),
        classification: 'truePositive',
        determination: 'malware',
      }),
    );

    const rows = await auditRows('audit action incident');
    expect(headlines(rows)).toEqual([
      `Adele Vance · updated incident ${id}`,
      `Megan Bowen · updated incident ${id}`,
      `Adele Vance · updated incident ${id}`,
      `Adele Vance · created incident ${id}`,
    ]);
    expect(rows[0]).toMatch(/classification True positive, determination Malware/);
    expect(rows[1]).toMatch(/assigned to megan\.bowen@contoso\.com/);
    expect(rows[2]).toMatch(/status Resolved/);
    expect(rows[3]).toMatch(/adele\.vance@contoso\.com · in a 1:1 chat[\s\S]*Audit me: odd sign-in[\s\S]*Done/);
    // The user filter finds Megan's change by her object id.
    expect(headlines(await auditRows('audit user aad-admin-2 action incident'))).toEqual([`Megan Bowen · updated incident ${id}`]);
  });

  it('an invalid incident update writes nothing', async () => {
    const before = (await harness.app.storage.list('audit/')).length;
    const card = invokeCard(await harness.execute('incident.open', { id: '1000' }));
    await press(harness, card, 'incident.update', { change: 'classification', classification: '' });
    expect(await harness.app.storage.list('audit/')).toHaveLength(before);
  });

  it('an enrollment failure report is recorded with the event Graph created', async () => {
    const device = (await harness.app.mmd.devices.list({ top: 50 })).items.find((d) => d.intuneId && d.aadDeviceId)!;
    const form = cardOf((await harness.say(`report enrollment failure ${device.name}`))[0]);
    const reason = 'The user could not be authenticated (0x80180002).';
    invokeCard(
      await press(harness, form, 'enrollmentFailure.report', {
        enrollmentType: 'windowsAutoEnrollment',
        failureCategory: 'authentication',
        failureReason: reason,
      }),
    );
    const rows = await auditRows('audit action event');
    expect(rows).toHaveLength(1);
    const [, id] = /^Adele Vance · reported enrollment event (\S+)$/.exec(headlines(rows)[0]!)!;
    expect(rows[0]).toContain(`authentication · windowsAutoEnrollment · ${device.intuneId}`);
    // The failure's own words are what the user typed: never in the audit.
    expect(rows[0]).not.toContain('could not be authenticated');
    // The target is the event Graph holds.
    expect(cardText(invokeCard(await harness.execute('enrollmentFailure.open', { id })))).toContain('0x80180002');
  });

  it('subscribe, unsubscribe (command and button), subscribe all, digest and quiet hours are recorded', async () => {
    await harness.say(`subscribe ${ticketId}`);
    await harness.say(`unsubscribe ${ticketId}`);
    await harness.execute('ticket.subscribe', { id: ticketId }, MEGAN);
    await harness.execute('ticket.unsubscribe', { id: ticketId, view: 'subscriptions' }, MEGAN);
    // Unsubscribing what was not followed changes nothing and records nothing.
    await harness.say(`unsubscribe ${ticketId}`);
    await harness.say('subscribe all severity <= 2', CHANNEL);
    await harness.say('unsubscribe all', CHANNEL);
    await harness.say('unsubscribe all', CHANNEL);
    await harness.say('notify digest daily');
    await harness.say('notify quiet 20:00-08:00');
    await harness.say('notify quiet off');
    await harness.say('notify digest weekly');

    const rows = await auditRows('audit action subscription');
    expect(headlines(rows)).toEqual([
      'Adele Vance · changed notification settings',
      'Adele Vance · changed notification settings',
      'Adele Vance · changed notification settings',
      'Adele Vance · stopped following every ticket',
      'Adele Vance · followed every ticket',
      `Megan Bowen · unsubscribed from ${ticketId}`,
      `Megan Bowen · subscribed to ${ticketId}`,
      `Adele Vance · unsubscribed from ${ticketId}`,
      `Adele Vance · subscribed to ${ticketId}`,
    ]);
    expect(rows[0]).toMatch(/quiet hours off/);
    expect(rows[1]).toMatch(/quiet hours 20:00-08:00/);
    expect(rows[2]).toMatch(/digest daily/);
    expect(rows[3]).toMatch(/in a channel · every ticket/);
    expect(rows[4]).toMatch(/in a channel · .*severity/i);
    expect(await auditRows(`audit ticket ${ticketId}`)).toHaveLength(4);
  });
});
