import { BotHarness, cardOf, cardText } from '../helpers/bot-harness';
import { validateCard } from '../helpers/card-validation';

/**
 * Issue 14: times in the viewer's time zone, from the activity's localTimezone (else the offset
 * of its localTimestamp), with the same instant in UTC beside it. Over /api/messages.
 */
describe('times in the viewer’s time zone', () => {
  let harness: BotHarness;

  beforeAll(async () => {
    harness = await BotHarness.start();
  });
  afterAll(async () => {
    await harness?.stop();
  });

  async function say(text: string, where: Record<string, unknown>): Promise<string> {
    const before = harness.connector.calls.length;
    const { status } = await harness.post(harness.activity({ type: 'message', text, ...where }));
    expect(status).toBe(200);
    const sent = harness.connector.calls.slice(before).filter((c) => c.method === 'POST');
    const card = cardOf(sent[0]?.activity);
    expect(validateCard(card)).toEqual([]);
    return cardText(card);
  }

  const minutes = (day: string, time: string) => Date.parse(`${day}T${time}:00Z`) / 60_000;

  /** Every "<day> <time> <zone> · <[day] time> UTC" in the text, as [local minus UTC] in minutes. */
  function shifts(text: string, zone: string): number[] {
    const pattern = new RegExp(
      `(\\d{4}-\\d{2}-\\d{2}) (\\d{2}:\\d{2}) ${zone.replace(/[/+]/g, '\\$&')} · (?:(\\d{4}-\\d{2}-\\d{2}) )?(\\d{2}:\\d{2}) UTC\\)`,
      'g',
    );
    return [...text.matchAll(pattern)].map((m) => minutes(m[1]!, m[2]!) - minutes(m[3] ?? m[1]!, m[4]!));
  }

  it('localTimezone Asia/Kolkata: the device card’s times are in IST, each with its UTC time', async () => {
    const text = await say('device MMD-00001', { localTimezone: 'Asia/Kolkata', localTimestamp: '2026-12-01T11:30:00.000+05:30' });
    const found = shifts(text, 'Asia/Kolkata');
    expect(found.length).toBeGreaterThanOrEqual(2); // Enrolled and Last sync
    expect(found.every((m) => m === 330)).toBe(true);
    expect(text).not.toMatch(/\(\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC\)/); // no UTC-only exact time is left
  });

  it('a ticket with notes: created, and each note’s time, in America/New_York', async () => {
    const text = await say('ticket MMD-1465058-R5V8P', {
      localTimezone: 'America/New_York',
      localTimestamp: '2026-12-01T06:30:00.000-05:00',
    });
    const found = shifts(text, 'America/New_York');
    expect(found.length).toBeGreaterThanOrEqual(2);
    // -5 h in winter, -4 h in summer: the zone's own rule for each date, not today's offset.
    expect(found.every((m) => m === -300 || m === -240)).toBe(true);
  });

  it('without localTimezone, the offset of localTimestamp is used', async () => {
    const text = await say('device MMD-00001', { localTimestamp: '2026-12-01T01:00:00.000-05:00' });
    const found = shifts(text, 'UTC-05:00');
    expect(found.length).toBeGreaterThanOrEqual(2);
    expect(found.every((m) => m === -300)).toBe(true);
  });

  it('an unknown zone name falls back to the offset; nothing at all stays UTC', async () => {
    const odd = await say('device MMD-00001', { localTimezone: 'Mars/Olympus_Mons', localTimestamp: '2026-12-01T07:00:00.000+01:00' });
    expect(shifts(odd, 'UTC+01:00').length).toBeGreaterThanOrEqual(2);
    expect(odd).not.toContain('Mars');
    const plainUtc = await say('device MMD-00001', {});
    expect(plainUtc).toMatch(/\(\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC\)/);
    expect(plainUtc).not.toMatch(/UTC[+-]\d{2}:\d{2}/);
  });

  it('Action.Execute answers (a list page, a detail opened from it) use the zone too', async () => {
    const res = await harness.post(
      harness.activity({
        type: 'invoke',
        name: 'adaptiveCard/action',
        localTimezone: 'Asia/Kolkata',
        localTimestamp: '2026-12-01T11:30:00.000+05:30',
        value: { action: { type: 'Action.Execute', verb: 'device.open', data: { name: 'MMD-00001' } }, trigger: 'manual' },
      }),
    );
    expect(res.status).toBe(200);
    const text = cardText((res.body as { value: unknown }).value);
    expect(shifts(text, 'Asia/Kolkata').length).toBeGreaterThanOrEqual(2);
  });
});
