import { EXAMPLE_ELEVATED_DEVICE } from '../../src/emulator/seed';
import { cardOf, cardText } from '../helpers/bot-harness';
import { TurnHarness } from '../helpers/turn-harness';
import { validateCard } from '../helpers/card-validation';
import { ADMIN_ENV, emulatorPassword, passwordBlockRuns, shownCardId } from './elevation-details-helpers';

/** Older clients send Action.Submit (a message with a value) instead of Action.Execute. */
describe('Reveal through the Action.Submit fallback', () => {
  let harness: TurnHarness;

  beforeAll(async () => {
    harness = await TurnHarness.start({ env: ADMIN_ENV });
  });
  afterAll(async () => {
    await harness?.stop();
  });

  it('updates the card it came from in the 1:1 chat (no new message), then redacts it', async () => {
    const password = await emulatorPassword(harness, EXAMPLE_ELEVATED_DEVICE);
    const cardId = (await shownCardId(harness, EXAMPLE_ELEVATED_DEVICE))!;
    harness.connector.clear();
    await harness.submit({ verb: 'elevation.reveal', deviceName: EXAMPLE_ELEVATED_DEVICE }, { replyToId: cardId });
    expect(harness.connector.sent()).toEqual([]);
    const [reveal] = harness.connector.updates('personal-conv-1');
    expect(reveal).toMatchObject({ activityId: cardId });
    const revealed = cardOf(reveal!.activity);
    expect(validateCard(revealed)).toEqual([]);
    expect(passwordBlockRuns(revealed).map((r) => r.text)).toEqual([password]);

    await harness.connector.waitFor(() => harness.connector.updates('personal-conv-1').length > 1);
    const redact = harness.connector.updates('personal-conv-1')[1]!;
    expect(redact.activityId).toBe(cardId);
    expect(cardText(cardOf(redact.activity))).toMatch(/hidden again/i);
    expect(JSON.stringify(redact.activity)).not.toContain(password);
  });

  it('refuses the fallback in a group chat too', async () => {
    harness.connector.clear();
    const replies = await harness.submit(
      { verb: 'elevation.reveal', deviceName: EXAMPLE_ELEVATED_DEVICE },
      { conversationType: 'groupChat' },
    );
    expect(String(replies[0]!.text)).toMatch(/only reveal passwords in our 1:1 chat/);
    expect(harness.connector.updates()).toEqual([]);
  });
});
