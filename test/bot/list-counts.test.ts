import { cardOf, cardText } from '../helpers/bot-harness';
import { TurnHarness } from '../helpers/turn-harness';
import { validateCard } from '../helpers/card-validation';
import { readAnswer, requestToken } from '../emulator/emulator-harness';

/**
 * Issue 14: every list card says how many there are when the service tells (Graph's
 * @odata.count), or that more exist when it does not (the MMD API documents no $count; the last
 * page still knows its total). Over /api/messages against the sandbox emulator.
 */
describe('lists say how many', () => {
  let harness: TurnHarness;

  beforeAll(async () => {
    harness = await TurnHarness.start();
  });
  afterAll(async () => {
    await harness?.stop();
  });

  const first = async (text: string) => {
    const card = cardOf((await harness.say(text))[0]);
    expect(validateCard(card)).toEqual([]);
    return cardText(card);
  };
  const page = async (verb: string, data: Record<string, unknown>) => cardText((await harness.execute(verb, data)).value);

  /** Asks the emulated service itself how many there are, with the bot's own credentials. */
  async function graphTotal(path: string): Promise<number> {
    const emulator = harness.app.emulator!;
    const token = String((await requestToken(emulator)).body.access_token);
    const answer = await readAnswer<Record<string, unknown>>(
      await fetch(`${emulator.graphBaseUrl}${path}?$top=1&$count=true`, { headers: { authorization: `Bearer ${token}` } }),
    );
    expect(answer.status).toBe(200);
    return answer.body['@odata.count'] as number;
  }

  it('MMD lists: the first page says more exist, the last page knows the total', async () => {
    expect(await first('devices')).toContain('Showing 1–10, more exist');
    expect(await page('devices.page', { skip: 50 })).toContain('Showing 51–60 of 60');
    expect(await first('users')).toContain('Showing 1–10, more exist');
    expect(await page('users.page', { skip: 20 })).toContain('Showing 21–25 of 25');
    expect(await first('tickets')).toContain('Showing 1–10, more exist');
    expect(await page('tickets.page', { skip: 30 })).toContain('Showing 31–40 of 40');
    const elevations = await first('elevations');
    expect(elevations).toContain('Showing 1–10, more exist');
  });

  it('a device search the bot counted itself says the total', async () => {
    // "surface" is searched by the bot over the device list, so it knows how many matched.
    const text = await first('devices surface');
    const matched = /(\d+) matched/.exec(text);
    expect(matched).not.toBeNull();
    const n = Number(matched![1]);
    expect(text).toContain(`Showing 1–${Math.min(10, n)} of ${n}`);
  });

  it('Graph lists (incidents, enrollment failures) say "of N" from @odata.count', async () => {
    const incidents = await graphTotal('/v1.0/security/incidents');
    expect(incidents).toBeGreaterThan(10);
    expect(await first('incidents')).toContain(`Showing 1–10 of ${incidents}`);
    const events = await graphTotal('/beta/deviceManagement/troubleshootingEvents');
    expect(await first('enrollment failures')).toContain(`Showing 1–${Math.min(10, events)} of ${events}`);
    // The bot asked for the count; it did not guess from a last page.
    const asked = harness.app.emulator!.requestLog().filter((r) => r.url.includes('/security/incidents') && r.url.includes('count=true'));
    expect(asked.length).toBeGreaterThan(0);
  });

  it('the MMD emulator does not invent @odata.count (the documents list no $count)', async () => {
    const emulator = harness.app.emulator!;
    const token = String((await requestToken(emulator)).body.access_token);
    const answer = await readAnswer<Record<string, unknown>>(
      await fetch(`${emulator.mmdBaseUrl}tenants/${emulator.tenantId}/devices?$top=1&$count=true`, {
        headers: { authorization: `Bearer ${token}` },
      }),
    );
    expect(answer.status).toBe(200);
    expect(answer.body).not.toHaveProperty('@odata.count');
  });
});
