import { ticketDetailCard } from '../../src/cards/ticket-detail-card';
import { cardBytes } from '../helpers/card-validation';
import { button, expectCleanCard, hasButton, textOf, verbs, labelledValues, findTexts } from './card-checks';
import { EVIL_LINK, INJECTION, LONG, NOW, note, ticket } from './sample-data';

function factsOf(card: unknown): Record<string, string> {
  return labelledValues(card);
}

describe('ticketDetailCard', () => {
  it('shows every field that is set, the contact and the actions', () => {
    const card = ticketDetailCard({ ticket: ticket({ reproSteps: 'Open Outlook', nextActionTime: '2026-11-23T09:00:00Z' }), now: NOW });
    expectCleanCard(card);
    expect(factsOf(card)).toEqual({
      ID: 'MMD-1465058-R5V8P',
      Type: 'Incident',
      Category: 'Devices / Configuration/Policy',
      Severity: 'Low',
      State: 'Active',
      Created: '3 days ago (2026-11-19 14:02 UTC)',
      'Next action': 'Microsoft, in 19 hours (2026-11-23 09:00 UTC)',
      'Users/devices impacted': '100',
      'First noticed': '5 years ago (2021-10-06 07:00 UTC)',
      'Reproduced on a non-managed device': 'Yes',
      'End-user support engaged': 'Yes',
      'Partner ticket': 'Yes',
      Name: 'John Doe',
      Email: 'jd@contoso.com',
      Phone: 'phone number',
    });
    const text = textOf(card);
    for (const s of [
      'Title',
      'Description',
      'Business impact',
      'Business Impact',
      'Troubleshooting steps',
      'Steps to reproduce',
      'Open Outlook',
      'Contact',
      'Notes (0)',
      'No notes yet.',
    ]) {
      expect(text).toContain(s);
    }
    expect(text).not.toContain('Resolved'); // not set: left out
    expect(verbs(card)).toEqual([
      ['ticket.addNoteForm', { id: 'MMD-1465058-R5V8P' }],
      ['ticket.subscribe', { id: 'MMD-1465058-R5V8P', view: 'ticket' }],
      ['ticket.open', { id: 'MMD-1465058-R5V8P' }],
    ]);
  });

  it('shows notes newest first as safe text, capped at 10 with a button for all', () => {
    const notes = Array.from({ length: 13 }, (_, i) =>
      note({
        id: i,
        text: `<p>Note <b>${i}</b></p><script>alert(${i})</script>`,
        sender: `Agent ${i}`,
        createdDateTime: `2026-11-${String(i + 1).padStart(2, '0')}T10:00:00Z`,
      }),
    );
    const card = ticketDetailCard({ ticket: ticket(), notes, now: NOW });
    expectCleanCard(card);
    const text = textOf(card);
    expect(text).toContain('Notes (13)');
    expect(text).toContain('Agent 12 · 9 days ago (2026-11-13 10:00 UTC)');
    expect(text.indexOf('Note 12')).toBeLessThan(text.indexOf('Note 11'));
    expect(text).not.toContain('Note 2\n');
    expect(text).not.toMatch(/alert|\bscript\b/);
    expect(text).toContain('3 older notes not shown.');
    expect(button(card, 'Read all notes')).toMatchObject({ verb: 'ticket.notes', data: { id: 'MMD-1465058-R5V8P' } });
  });

  it('uses the ticket’s own notes when none are passed, and no Read-all button when all fit', () => {
    const card = ticketDetailCard({ ticket: ticket({ notes: [note()] }), now: NOW });
    expect(textOf(card)).toContain('This is the test note to add');
    expect(textOf(card)).toContain('Sender Id · 5 years ago (2021-12-14 04:28 UTC)');
    expect(hasButton(card, 'Read all notes')).toBe(false);
  });

  it('labels drifting ticket types and resolved tickets', () => {
    const card = ticketDetailCard({
      ticket: ticket({
        type: 'Change Request',
        subcategory: ' Deployment groups assignment',
        state: 'resolved',
        resolvedDateTime: '2026-11-21T14:02:00Z',
        severity: 2,
      }),
      now: NOW,
    });
    const facts = factsOf(card);
    expect(facts.Type).toBe('Change request');
    expect(facts.Category).toBe('Devices / Deployment groups assignment');
    expect(facts.Severity).toBe('High');
    expect(facts.Resolved).toBe('1 day ago (2026-11-21 14:02 UTC)');
    expect(findTexts(card).find((t) => t.text === 'Resolved')?.color).toBe('Good');
    expect(findTexts(card).find((t) => t.text === 'High')?.color).toBe('Default');
  });

  it('survives nasty data', () => {
    const nasty = ticket({
      title: `${EVIL_LINK} ${INJECTION}`,
      description: `# Heading\n- item\n1. first\n<script>alert(1)</script> ${EVIL_LINK} ${LONG}`,
      type: 'Other ',
      category: null,
      subcategory: 'Other ',
      severity: 9,
      state: null,
      createdDateTime: '0001-01-01T00:00:00Z',
      issueFirstNoticed: 'nope',
      issueReproduced: null,
      endUserSupportEngaged: false,
      usersOrDevicesImpacted: 0,
      contact: { id: null, givenName: null, surname: null, email: null, phoneNumber: null, preferredLanguageId: null },
      businessImpact: '   ',
      troubleshootingSteps: LONG,
      reproSteps: LONG,
      nextActionOwner: EVIL_LINK,
    });
    const notes = Array.from({ length: 30 }, (_, i) =>
      note({
        text: `<div onclick="x()"><a href="https://evil.example">click</a> ${EVIL_LINK} ${INJECTION} <img src=x onerror=alert(1)> ${LONG}</div>`,
        sender: null,
        createdDateTime: i % 2 ? null : '0001-01-01T00:00:00Z',
        renderType: i % 2 ? 'html' : null,
      }),
    );
    const card = ticketDetailCard({ ticket: nasty, notes, now: NOW });
    expectCleanCard(card);
    const facts = factsOf(card);
    expect(facts.Type).toBe('Other');
    expect(facts.Category).toBe('Other');
    expect(facts.Severity).toBe('9');
    expect(facts['Users/devices impacted']).toBe('0');
    expect(facts['End-user support engaged']).toBe('No');
    expect(facts).not.toHaveProperty('Created');
    expect(facts).not.toHaveProperty('Name');
    const text = textOf(card);
    expect(text).not.toContain('Contact\n');
    expect(text).toContain('Unknown sender · —');
    expect(text).toContain('# Heading\n- item\n1. first');
    console.log(
      `ticket detail: example ${cardBytes(ticketDetailCard({ ticket: ticket(), now: NOW }))} B, nasty (long text, 30 long notes) ${cardBytes(card)} B`,
    );
  });
});
