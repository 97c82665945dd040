/** Issue 25 point 4: one display vocabulary for enums, shared by cards, the audit and the tab. */
import { auditCard } from '../../src/cards/audit-card';
import { elevationRevealedCard } from '../../src/cards/elevation-details-card';
import { statusView, ticketStateLabel } from '../../src/cards/format';
import { valueLabel } from '../../src/protocol/labels';
import { ticketPrefillFromIncident } from '../../src/protocol/incident-ticket-prefill';
import { cardOf, cardText } from '../helpers/bot-harness';
import { TurnHarness } from '../helpers/turn-harness';
import { press, invokeCard } from '../bot/forms/form-helpers';
import { NOW } from './sample-data';

describe('labels, not enums', () => {
  it('reads the values admins met as words', () => {
    expect(valueLabel('PasswordSucceeded')).toBe('Password set');
    expect(valueLabel('falsePositive')).toBe('False positive');
    expect(valueLabel('malware')).toBe('Malware');
    expect(valueLabel('NonCompliant')).toBe('Non-compliant');
    expect(valueLabel('resolved')).toBe('Resolved');
    expect(valueLabel('high')).toBe('High');
    expect(valueLabel('SomeNewValue')).toBe('Some new value');
    expect(valueLabel('Adele Vance')).toBe('Adele Vance');
    expect(valueLabel(null)).toBe('—');
    // The older helpers speak the same words.
    expect(statusView('NonCompliant').text).toContain('Non-compliant');
    expect(ticketStateLabel('resolved')).toBe('Resolved');
  });

  it("elevation details, an incident's ticket prefill and the audit use them", () => {
    const card = elevationRevealedCard({
      deviceName: 'MMD-00002',
      details: {
        accountUpn: 'admin',
        password: 'x',
        passwordLastUpdated: null,
        status: 'PasswordSucceeded',
        openedElevationRequestId: 'r',
        isPasswordChanged: false,
        viewedBy: [],
      } as never,
      userId: 'u',
      hideAt: new Date(NOW.getTime() + 60_000),
      now: NOW,
    });
    expect(cardText(card)).toContain('Password set');
    expect(cardText(card)).not.toContain('PasswordSucceeded');
    const prefill = ticketPrefillFromIncident({ id: '7', displayName: 'x', severity: 'high', status: 'resolved' } as never);
    expect(prefill.description).toContain('Severity: High\nStatus: Resolved');
    const audit = auditCard({
      records: [
        {
          at: NOW.toISOString(),
          action: 'incident.update',
          outcome: 'done',
          target: { kind: 'incident', id: '7' },
          detail: 'classification falsePositive, determination malware',
          user: { id: 'u', name: 'Megan' },
          conversation: { id: 'c', kind: 'personal' },
        } as never,
      ],
      now: NOW,
    });
    expect(cardText(audit)).toContain('classification False positive, determination Malware');
  });

  it('an incident classified in chat is audited in the same words (loopback)', async () => {
    const harness = await TurnHarness.start();
    try {
      const card = invokeCard(await harness.execute('incident.open', { id: '1014' }));
      invokeCard(
        await press(harness, card, 'incident.update', {
          change: 'classification',
          classification: 'truePositive',
          determination: 'multiStagedAttack',
        }),
      );
      const audit = cardText(cardOf((await harness.say('audit action incident'))[0]));
      expect(audit).toContain('classification True positive, determination Multi-staged attack');
      expect(audit).not.toContain('truePositive');
    } finally {
      await harness.stop();
    }
  });
});
