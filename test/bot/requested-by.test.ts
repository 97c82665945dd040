/**
 * Issue 25 point 4: "Requested by" names the person when known. With app context the service
 * records the app's id as the requester; the plan of action's last line names the admin.
 */
import { requesterOf } from '../../src/protocol/attribution';
import { cardOf, cardText } from '../helpers/bot-harness';
import { TurnHarness } from '../helpers/turn-harness';
import { chooseCategory, invokeCard, press } from './forms/form-helpers';

describe('requested by', () => {
  it('reads the person from the attribution line when the requester is the app', () => {
    expect(requesterOf('agent1@partner.onmicrosoft.com', 'x')).toBe('agent1@partner.onmicrosoft.com');
    expect(requesterOf('sandbox-client', 'Fix it.\n\n— Megan Bowen (megan@contoso.com) via MMD Assist')).toBe(
      'Megan Bowen (megan@contoso.com) via MMD Assist',
    );
    expect(requesterOf('sandbox-client', 'Typed by hand')).toBe('MMD Assist (app sandbox-client)');
    expect(requesterOf(null, null)).toBe('');
  });

  it('an elevation requested in chat lists the admin, not the app id (loopback)', async () => {
    const harness = await TurnHarness.start();
    try {
      const ticketId = (await harness.app.mmd.tickets.list({ states: ['active'], top: 1 })).items[0]!.id;
      const form = await chooseCategory(
        harness,
        invokeCard(await harness.execute('elevation.requestForm', { deviceName: 'MMD-00007' })),
        'Office',
      );
      invokeCard(
        await press(harness, form, 'elevation.create', {
          deviceName: 'MMD-00007',
          ticketChoice: ticketId,
          title: 'Who asked',
          category: 'Office',
          subcategory: 'Excel',
          planOfAction: 'Re-register the add-in.',
        }),
      );
      const list = cardText(cardOf((await harness.say('elevations MMD-00007'))[0]));
      expect(list).toContain('requested by Adele Vance');
      expect(list).not.toMatch(/requested by sandbox-client/);
    } finally {
      await harness.stop();
    }
  });
});
