import { elevationDetailCard } from '../../src/cards/elevation-detail-card';
import { cardBytes } from '../helpers/card-validation';
import { expectCleanCard, hasButton, textOf, verbs, labelledValues, findTexts } from './card-checks';
import { EVIL_LINK, INJECTION, LONG, NOW, elevation } from './sample-data';

function factsOf(card: unknown): Record<string, string> {
  return labelledValues(card);
}

describe('elevationDetailCard', () => {
  it('shows an open request with Close', () => {
    const card = elevationDetailCard({ request: elevation(), now: NOW });
    expectCleanCard(card);
    expect(factsOf(card)).toEqual({
      'Request ID': '0f8fad5b-d9cb-469f-a165-70867728950e',
      Device: 'MMD-123456789',
      'Requested by': 'agent@contoso.com',
      'Linked ticket': 'MMD-1465058-R5V8P',
      Category: 'Office / Excel',
      Created: '1 day ago (2026-11-21 14:06 UTC)',
      'Password last rotated': '6 years ago (2021-03-16 15:10 UTC)',
    });
    expect(textOf(card)).toContain('Open');
    expect(textOf(card)).toContain('Plan of action using elevation.');
    expect(textOf(card)).not.toContain('Actions taken');
    expect(verbs(card)).toEqual([
      ['device.open', { name: 'MMD-123456789' }],
      ['ticket.open', { id: 'MMD-1465058-R5V8P' }],
      // The form's Cancel and its result come back to this request.
      [
        'elevation.closeForm',
        {
          id: '0f8fad5b-d9cb-469f-a165-70867728950e',
          deviceName: 'MMD-123456789',
          from: { verb: 'elevation.open', data: { id: '0f8fad5b-d9cb-469f-a165-70867728950e', deviceName: 'MMD-123456789' } },
        },
      ],
    ]);
  });

  it('shows a closed request without Close', () => {
    const card = elevationDetailCard({
      request: elevation({
        requestClosureTime: '2026-11-22T10:00:00Z',
        closingAgentUpn: 'closer@contoso.com',
        actionsTaken: 'Installed the app.',
        viewerUpns: ['a@contoso.com', 'b@contoso.com'],
      }),
      now: NOW,
    });
    expectCleanCard(card);
    const facts = factsOf(card);
    expect(facts.Closed).toBe('4 hours ago (2026-11-22 10:00 UTC)');
    expect(facts['Closed by']).toBe('closer@contoso.com');
    expect(facts['Password viewed by']).toBe('a@contoso.com, b@contoso.com');
    expect(findTexts(card).find((t) => t.text === 'Closed 4 hours ago')?.color).toBe('Good');
    expect(textOf(card)).toContain('Installed the app.');
    expect(hasButton(card, 'Close request…')).toBe(false);
  });

  it('survives nasty data', () => {
    const card = elevationDetailCard({
      request: elevation({
        title: EVIL_LINK,
        planOfAction: `<script>x</script> ${LONG}`,
        actionsTaken: INJECTION,
        deviceName: '',
        partnerTicketId: null,
        category: 'Other ',
        subcategory: null,
        viewerUpns: Array.from({ length: 30 }, (_, i) => `v${i}@contoso.com`),
        requestCreationTime: '0001-01-01T00:00:00Z',
      }),
      now: NOW,
    });
    expectCleanCard(card);
    const facts = factsOf(card);
    expect(facts).not.toHaveProperty('Device');
    expect(facts).not.toHaveProperty('Created');
    expect(facts.Category).toBe('Other');
    expect(facts['Password viewed by']).toMatch(/and 20 more$/);
    expect(verbs(card)).toEqual([
      [
        'elevation.closeForm',
        {
          id: '0f8fad5b-d9cb-469f-a165-70867728950e',
          from: { verb: 'elevation.open', data: { id: '0f8fad5b-d9cb-469f-a165-70867728950e' } },
        },
      ],
    ]);
    console.log(`elevation detail: nasty ${cardBytes(card)} B`);
  });
});
