import { VERBS } from '../../src/protocol/verbs';
import { ticketChangeCard } from '../../src/cards/ticket-change-card';
import { ticketDigestCard } from '../../src/cards/ticket-digest-card';
import type { TicketChange, TicketSnapshot } from '../../src/protocol/ticket-change';
import { cardBytes, findActions, markdownText, MAX_CARD_BYTES, validateCard } from '../helpers/card-validation';
import { textOf, verbs } from '../cards/card-checks';
import { EVIL_LINK, INJECTION, NOW } from '../cards/sample-data';

const ALL_VERBS: Record<string, { safeParse(data: unknown): { success: boolean } }> = VERBS;

/** Valid 1.5, no escaped markdown broken, every button's verb known with data its schema accepts. */
function expectCleanNotification(card: unknown): void {
  expect(validateCard(card, { allowLiterals: [INJECTION] })).toEqual([]);
  for (const text of markdownText(card)) {
    expect(text).not.toMatch(/(^|[^\\])\[[^\]]*[^\\]\]\(/);
    expect(text).not.toMatch(/https?:\/\//);
    expect(text).not.toMatch(/(^|[^\\])<\/?[a-z]/i);
    expect(text).not.toContain('${');
  }
  for (const action of findActions(card)) {
    const schema = ALL_VERBS[String(action.verb)];
    if (!schema) throw new Error(`unknown verb ${String(action.verb)}`);
    expect(schema.safeParse(action.data).success).toBe(true);
  }
  expect(cardBytes(card)).toBeLessThan(MAX_CARD_BYTES);
}

const ticket: TicketSnapshot = {
  id: 'MMD-1465058-R5V8P',
  title: 'Outlook crashes',
  state: 'resolved',
  severity: 2,
  nextActionOwner: 'Customer',
  nextActionTime: '2026-11-23T09:00:00Z',
  resolvedDateTime: '2026-11-22T12:00:00Z',
  createdDateTime: '2026-11-19T14:02:00Z',
};

const changes: TicketChange[] = [
  { kind: 'field', field: 'state', from: 'active', to: 'resolved' },
  { kind: 'field', field: 'severity', from: 3, to: 2 },
  { kind: 'field', field: 'nextActionOwner', from: 'Microsoft', to: 'Customer' },
  {
    kind: 'note',
    note: {
      id: '7',
      sender: 'Support',
      createdDateTime: '2026-11-22T12:00:00Z',
      text: '<p>Fixed, see <a href="https://x">here</a></p>',
      renderType: 'html',
    },
  },
];

describe('ticketChangeCard', () => {
  it('says what changed, old → new, with the key facts and Open / Add note / Unsubscribe', () => {
    const card = ticketChangeCard({ ticket, changes, now: NOW });
    expectCleanNotification(card);
    const text = textOf(card);
    for (const s of [
      'Ticket updated: MMD-1465058-R5V8P',
      'Outlook crashes',
      'Active → Resolved',
      'Moderate → High',
      'Microsoft → Customer',
      'New note from Support',
      'Fixed, see here',
    ]) {
      expect(text).toContain(s);
    }
    expect(verbs(card)).toEqual([
      ['ticket.open', { id: ticket.id }],
      ['ticket.addNoteForm', { id: ticket.id }],
      ['ticket.unsubscribe', { id: ticket.id }],
    ]);
  });

  it('shows API text literally: no links, no template expressions', () => {
    const evil: TicketSnapshot = { ...ticket, title: `${EVIL_LINK} ${INJECTION}`, nextActionOwner: EVIL_LINK };
    const card = ticketChangeCard({
      ticket: evil,
      changes: [
        { kind: 'field', field: 'nextActionOwner', from: INJECTION, to: EVIL_LINK },
        {
          kind: 'note',
          note: { id: '1', sender: EVIL_LINK, createdDateTime: null, text: `${EVIL_LINK} ${INJECTION}`, renderType: 'text' },
        },
      ],
      now: NOW,
    });
    expectCleanNotification(card);
    // Shown as typed, never expanded.
    expect(textOf(card)).toContain('${injection}');
  });

  it('says New ticket for a ticket first seen by a subscribe-all conversation', () => {
    const card = ticketChangeCard({ ticket, changes: [{ kind: 'created' }], now: NOW });
    expectCleanNotification(card);
    expect(textOf(card)).toContain('New ticket: MMD-1465058-R5V8P');
  });

  it('leaves out a button whose data the bot would reject (an over-long id)', () => {
    const card = ticketChangeCard({ ticket: { ...ticket, id: 'X'.repeat(80) }, changes, now: NOW });
    expect(findActions(card)).toEqual([]);
  });
});

describe('ticketDigestCard', () => {
  it('merges held changes per ticket into one card with an Open button each', () => {
    const other = { ...ticket, id: 'MMD-2', title: 'VPN' };
    const card = ticketDigestCard({
      items: [
        { ticket, changes: [changes[0]!] },
        { ticket: other, changes: [changes[1]!] },
        { ticket, changes: [changes[2]!] },
      ],
      now: NOW,
    });
    expectCleanNotification(card);
    const text = textOf(card);
    expect(text).toContain('3 updates on 2 tickets');
    expect(verbs(card)).toEqual([
      ['ticket.open', { id: ticket.id }],
      ['ticket.open', { id: 'MMD-2' }],
    ]);
  });

  it('stays small with many tickets', () => {
    const items = Array.from({ length: 200 }, (_, i) => ({ ticket: { ...ticket, id: `MMD-${i}`, title: 'x'.repeat(300) }, changes }));
    const card = ticketDigestCard({ items, now: NOW });
    expectCleanNotification(card);
    expect(textOf(card)).toContain('185 more tickets not shown');
  });
});

describe('ticketChangeCard lists each fact once', () => {
  it('a changed field is in the change rows only; the facts show what did not change', () => {
    const card = ticketChangeCard({ ticket, changes: [{ kind: 'field', field: 'state', from: 'active', to: 'resolved' }], now: NOW });
    const text = textOf(card);
    expect(text.match(/Resolved/g)).toHaveLength(1);
    expect(text).toContain('Active → Resolved');
    expect(text).toContain('High'); // severity 2 did not change: a fact
    expect(text).toContain('Customer'); // next action did not change: a fact
  });

  it('with every fact changed, none is repeated below the changes', () => {
    const all: TicketChange[] = [
      { kind: 'field', field: 'state', from: 'active', to: 'resolved' },
      { kind: 'field', field: 'severity', from: 3, to: 2 },
      { kind: 'field', field: 'nextActionOwner', from: 'Microsoft', to: 'Customer' },
      { kind: 'field', field: 'nextActionTime', from: null, to: '2026-11-23T09:00:00Z' },
    ];
    const text = textOf(ticketChangeCard({ ticket, changes: all, now: NOW }));
    for (const once of [/Resolved/g, /High/g, /Customer/g]) expect(text.match(once)).toHaveLength(1);
    expect(text).not.toMatch(/Next action\b(?! (owner|time))/);
  });
});
