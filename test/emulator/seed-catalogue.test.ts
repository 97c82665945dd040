import { ELEVATION_CATALOG, TICKET_CATALOG } from '../../src/catalog/categories';
import { generateSeed } from '../../src/emulator/seed';
import { checkElevation } from '../../src/protocol/elevation-rules';
import { ELEVATION_FIELDS } from '../../src/protocol/elevation-rules';
import { checkNewTicket, NEW_TICKET_FIELDS } from '../../src/protocol/ticket-rules';
import { newTicketForm } from '../../src/cards/ticket-form-card';
import { requestElevationForm } from '../../src/cards/elevation-form-card';
import { findElements } from '../helpers/card-validation';

/*
 * One catalogue (src/catalog/categories.ts) for the form, the server's check and the sandbox's
 * sample data: every seeded ticket and elevation request carries a pair the form can choose, and
 * every pair of the catalogue is one the form offers and the server accepts.
 */

const NOW = new Date('2026-01-15T12:00:00Z');
const seeds = [1, 2, 42, 99, 123456789].map((seed) =>
  generateSeed({ seed, devices: 60, users: 25, tickets: 120, tenantId: '00000000-0000-0000-0000-0000000000a1' }),
);

const pairs = (catalog: Readonly<Record<string, readonly string[]>>) =>
  Object.entries(catalog).flatMap(([category, subs]) => subs.map((sub) => [category, sub] as const));

describe('the category catalogue and the sample data', () => {
  it('has every seeded ticket category/subcategory pair, spelled as seeded', () => {
    const seen = seeds.flatMap((data) => data.tickets.map((t) => [t.category, t.subcategory] as const));
    expect(seen.length).toBeGreaterThan(500);
    for (const [category, subcategory] of seen) {
      expect(Object.hasOwn(TICKET_CATALOG, category)).toBe(true);
      expect(TICKET_CATALOG[category]).toContain(subcategory);
    }
    // The pairs the issue names are among them.
    const names = new Set(seen.map(([c, s]) => `${c} / ${s.trim()}`));
    expect(names.has('Networking / VPN')).toBe(true);
    expect(names.has('Apps / Line of business app')).toBe(true);
  });

  it('has every seeded elevation request category/subcategory pair', () => {
    const seen = seeds.flatMap((data) => data.elevations.map((e) => [e.category, e.subcategory] as const));
    expect(seen.length).toBeGreaterThan(20);
    for (const [category, subcategory] of seen) {
      expect(Object.hasOwn(ELEVATION_CATALOG, category)).toBe(true);
      expect(ELEVATION_CATALOG[category]).toContain(subcategory);
    }
  });

  it('offers every ticket category, and the server accepts every pair with its documented value', () => {
    expect(NEW_TICKET_FIELDS.category.choices.map((c) => c.value)).toEqual(Object.keys(TICKET_CATALOG));
    for (const [category, subcategory] of pairs(TICKET_CATALOG)) {
      expect(NEW_TICKET_FIELDS.subcategory.choices.map((c) => c.value)).toContain(subcategory.trim());
      const check = checkNewTicket(
        {
          type: 'ChangeRequest',
          category,
          subcategory: subcategory.trim(),
          title: 'A title',
          description: 'A description',
          severity: '4',
          givenName: 'Adele',
          surname: 'Vance',
          email: 'adele.vance@contoso.com',
          phone: '+1 425 555 0100',
        },
        NOW,
      );
      expect(check).toMatchObject({ ok: true, ticket: { category, subcategory } });
    }
  });

  it("lets the forms choose every pair: each category's form lists exactly its subcategories, trimmed", () => {
    const listed = (card: unknown, id: string) =>
      (findElements(card, 'Input.ChoiceSet').find((c) => c.id === id)!.choices as Array<{ value: string }>).map((c) => c.value);
    for (const [category, subs] of Object.entries(TICKET_CATALOG)) {
      const card = newTicketForm({ prefill: { category }, formId: '0190a4c1-0000-7000-8000-000000000000', now: NOW });
      expect(listed(card, 'category')).toEqual(Object.keys(TICKET_CATALOG));
      expect(listed(card, 'subcategory')).toEqual(subs.map((s) => s.trim()));
    }
    for (const [category, subs] of Object.entries(ELEVATION_CATALOG)) {
      const card = requestElevationForm({
        prefill: { category },
        openTickets: [],
        formId: '0190a4c1-0000-7000-8000-000000000000',
        now: NOW,
      });
      expect(listed(card, 'category')).toEqual(Object.keys(ELEVATION_CATALOG));
      expect(listed(card, 'subcategory')).toEqual(subs.map((s) => s.trim()));
    }
  });

  it('offers every elevation category, and the server accepts every pair', () => {
    expect(ELEVATION_FIELDS.category.choices.map((c) => c.value)).toEqual(Object.keys(ELEVATION_CATALOG));
    for (const [category, subcategory] of pairs(ELEVATION_CATALOG)) {
      const check = checkElevation(
        { deviceName: 'MMD-00001', ticketId: 'MMD-1465058-R5V8P', title: 'Fix', category, subcategory, planOfAction: 'Plan' },
        NOW,
      );
      expect(check).toMatchObject({ ok: true, request: { category, subcategory } });
    }
  });
});
