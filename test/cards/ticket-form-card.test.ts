import { randomUUID } from 'node:crypto';
import { NEW_TICKET_FIELDS, type NewTicketInput } from '../../src/protocol/ticket-rules';
import { newTicketForm } from '../../src/cards/ticket-form-card';
import { cardBytes, findElements, markdownText, MAX_CARD_BYTES, validateCard } from '../helpers/card-validation';
import { EVIL_LINK, INJECTION, NOW } from './sample-data';
import { findTexts } from './card-checks';

type Json = Record<string, unknown>;

const contact = { givenName: 'Adele', surname: 'Vance', email: 'adele.vance@contoso.com', phone: '' };
const byId = (card: unknown, id: string): Json => {
  const all = ['Input.Text', 'Input.ChoiceSet', 'Input.Number', 'Input.Toggle', 'Input.Date', 'Input.Time'].flatMap((t) =>
    findElements(card, t),
  );
  const found = all.find((e) => e.id === id);
  if (!found) throw new Error(`no input ${id}`);
  return found;
};
const incidentSection = (card: unknown) => findElements(card, 'Container').find((c) => c.id === 'incidentDetails')!;

describe('newTicketForm', () => {
  it('is a valid 1.5 card with one input per rule and the submit carrying the formId', () => {
    const formId = randomUUID();
    const card = newTicketForm({ prefill: { category: 'Apps' }, contact, formId, now: NOW });
    expect(validateCard(card)).toEqual([]);
    for (const id of Object.keys(NEW_TICKET_FIELDS))
      expect(byId(card, id).label).toBe(NEW_TICKET_FIELDS[id as keyof typeof NEW_TICKET_FIELDS].label);
    const submit = findElements(card, 'Action.Execute');
    expect(submit.map((a) => a.verb)).toEqual(['ticket.chooseCategory', 'ticket.create', 'form.cancel']);
    expect(submit[1]).toMatchObject({ verb: 'ticket.create', data: { formId }, style: 'positive' });
    expect((byId(card, 'subcategory').choices as Array<{ value: string }>).map((c) => c.value)).toEqual([
      'Microsoft 365 Apps',
      'Teams',
      'Line of business app',
      'Other',
    ]);
    expect(byId(card, 'givenName').value).toBe('Adele');
    expect(incidentSection(card).isVisible).toBe(false);
    expect(findElements(card, 'Action.ToggleVisibility')[0]).toMatchObject({ targetElements: ['incidentDetails'] });
  });

  it('is step 1 without a category: Choose subcategory, no subcategory input, only the category required', () => {
    const card = newTicketForm({ prefill: {}, contact, formId: randomUUID(), now: NOW });
    expect(validateCard(card)).toEqual([]);
    expect(findElements(card, 'Action.Execute').map((a) => a.verb)).toEqual(['ticket.chooseCategory', 'form.cancel']);
    expect(findElements(card, 'Input.ChoiceSet').some((c) => c.id === 'subcategory')).toBe(false);
    expect(byId(card, 'category').isRequired).toBe(true);
    expect(byId(card, 'title').isRequired).toBe(false);
  });

  it('opens the incident section for incidents, incident input and incident errors', () => {
    const formId = randomUUID();
    expect(incidentSection(newTicketForm({ prefill: { type: 'Incident' }, formId, now: NOW })).isVisible).toBe(true);
    expect(incidentSection(newTicketForm({ prefill: { reproSteps: 'Click print' }, formId, now: NOW })).isVisible).toBe(true);
    expect(incidentSection(newTicketForm({ prefill: {}, formId, errors: { issueDate: 'x' }, now: NOW })).isVisible).toBe(true);
    expect(incidentSection(newTicketForm({ prefill: { issueReproduced: 'false' }, formId, now: NOW })).isVisible).toBe(false);
  });

  it('keeps user text verbatim in inputs and escapes messages shown as text', () => {
    const card = newTicketForm({
      prefill: { title: `${EVIL_LINK} ${INJECTION}`, type: 'Outage' },
      formId: randomUUID(),
      errors: { title: 'Bad [link](https://evil.example)' },
      notice: { tone: 'attention', text: `It said: ${EVIL_LINK}` },
      now: NOW,
    });
    expect(validateCard(card, { allowLiterals: [INJECTION] })).toEqual([]);
    expect(byId(card, 'title').value).toBe(`${EVIL_LINK} ${INJECTION}`);
    expect(byId(card, 'type').value).toBe(''); // not one of the choices: shown blank
    const texts = findTexts(card).map((t) => String(t.text));
    // The service's words are shown as typed, in a TextRun (no markdown, no link).
    expect(findElements(card, 'TextRun').some((r) => String(r.text).includes(`It said: ${EVIL_LINK}`))).toBe(true);
    expect(texts.some((t) => t.includes('It said:'))).toBe(true);
    for (const text of markdownText(card)) expect(text).not.toMatch(/https?:\/\//);
  });

  it('stays under the size limit with every field at its maximum and every field in error', () => {
    const prefill = Object.fromEntries(
      Object.entries(NEW_TICKET_FIELDS).map(([id, rule]) => [id, rule.kind === 'text' ? 'é'.repeat(rule.maxLength) : '']),
    ) as Partial<NewTicketInput>;
    const errors = Object.fromEntries(Object.entries(NEW_TICKET_FIELDS).map(([id, rule]) => [id, rule.errorMessage]));
    const card = newTicketForm({ prefill, formId: randomUUID(), errors, now: NOW });
    expect(validateCard(card)).toEqual([]);
    expect(cardBytes(card)).toBeLessThan(MAX_CARD_BYTES);
  });

  it('limits the day to today', () => {
    expect(byId(newTicketForm({ prefill: {}, formId: randomUUID(), now: NOW }), 'issueDate').max).toBe('2026-11-22');
  });
});
