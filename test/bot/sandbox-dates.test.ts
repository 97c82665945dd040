import { cardOf, cardText } from '../helpers/bot-harness';
import { TurnHarness } from '../helpers/turn-harness';

/**
 * Issue 14: in sandbox mode the sample tenant reads like a live one, whatever the date: the bot's
 * clock (injected here) anchors the emulator's seeded dates. Over /api/messages.
 */
describe('sandbox sample data reads like a live tenant', () => {
  const NOW = new Date('2031-03-10T08:00:00Z'); // any date: the data follows it
  let harness: TurnHarness;

  beforeAll(async () => {
    harness = await TurnHarness.start({ now: () => NOW });
  });
  afterAll(async () => {
    await harness?.stop();
  });

  const text = async (said: string) => cardText(cardOf((await harness.say(said))[0]));

  it('devices synced minutes or hours ago, not years', async () => {
    const list = await text('devices');
    const syncs = [...list.matchAll(/synced ([^\n·]+? ago|just now)/g)].map((m) => m[1]!);
    expect(syncs.length).toBeGreaterThan(5);
    expect(syncs.some((s) => /minute|hour|just now/.test(s))).toBe(true);
    expect(syncs.every((s) => !/year|month/.test(s))).toBe(true);
  });

  it('the newest ticket is hours old and its notes are recent', async () => {
    const ticket = await text('ticket MMD-1465058-R5V8P');
    expect(ticket).toMatch(/Created\n\d+ hours? ago \(2031-03-10/);
    expect(ticket).not.toMatch(/years? ago/);
  });

  it('a device’s enrolment date and age agree', async () => {
    const device = await text('device MMD-00001');
    const ENROLLED = /Enrolled\n(\d{4}-\d{2}-\d{2}|.*?\((\d{4}-\d{2}-\d{2}))/;
    const AGE = /Age\n([\d.]+) months?/;
    expect(device).toMatch(ENROLLED);
    expect(device).toMatch(AGE);
    const enrolled = ENROLLED.exec(device);
    const age = AGE.exec(device);
    const day = enrolled![2] ?? enrolled![1]!;
    const months = (NOW.getTime() - Date.parse(`${day}T00:00:00Z`)) / (30.4375 * 86_400_000);
    expect(Math.abs(months - Number(age![1]))).toBeLessThan(0.1);
  });
});
