import { findByIntuneId } from '../../../src/bot/extensions/intune-device';
import { SEARCH_SOURCES, searchPage } from '../../../src/bot/extensions/search-sources';
import { TurnHarness } from '../../helpers/turn-harness';

/*
 * The search sources and the Intune device look-up carry the turn's signal into every API call:
 * once the turn's time is up, no call is started (and one running is aborted). Real client,
 * real emulator; the emulator's request log shows what was asked.
 */
describe('message extension API calls carry the turn signal', () => {
  let harness: TurnHarness;

  beforeAll(async () => {
    harness = await TurnHarness.start();
  });
  afterAll(async () => {
    await harness?.stop();
  });
  afterEach(() => harness.app.emulator?.faults.clear());

  const deviceAndTicketCalls = (from: number) =>
    harness.app
      .emulator!.requestLog()
      .slice(from)
      .filter((e) => /\/(devices|tickets)\?/.test(e.url) && !e.url.includes('createdDateTime%20gt')).length;

  it('search: an expired turn asks the API nothing', async () => {
    const before = harness.app.emulator!.requestLog().length;
    const expired = AbortSignal.abort();
    await expect(searchPage(SEARCH_SOURCES, harness.app, 'MMD', 0, 10, new Date(), expired)).rejects.toThrow();
    expect(deviceAndTicketCalls(before)).toBe(0);
    // The same search with time left answers.
    expect((await searchPage(SEARCH_SOURCES, harness.app, 'MMD', 0, 10, new Date(), AbortSignal.timeout(10_000))).length).toBeGreaterThan(
      0,
    );
  });

  it('search: a call still running when the turn ends is aborted, not waited for', async () => {
    harness.app.emulator!.faults.add({ method: 'GET', path: '/devices$', latencyMs: 5_000, times: 1 });
    const started = Date.now();
    await expect(searchPage(SEARCH_SOURCES, harness.app, 'MMD', 0, 10, new Date(), AbortSignal.timeout(300))).rejects.toThrow();
    // Well before the emulator's 5 s answer.
    expect(Date.now() - started).toBeLessThan(4_000);
  });

  it('Intune device look-up: an expired turn answers "still loading" (null) without asking', async () => {
    const before = harness.app.emulator!.requestLog().length;
    expect(await findByIntuneId(harness.app.mmd, '00000000-0000-4000-8000-000000000001', AbortSignal.abort())).toBeNull();
    expect(deviceAndTicketCalls(before)).toBe(0);
  });

  it('Intune device look-up: a call running when the turn ends is aborted and answers null', async () => {
    harness.app.emulator!.faults.add({ method: 'GET', path: '/devices$', latencyMs: 5_000, times: 1 });
    const started = Date.now();
    expect(await findByIntuneId(harness.app.mmd, '00000000-0000-4000-8000-000000000001', AbortSignal.timeout(300))).toBeNull();
    expect(Date.now() - started).toBeLessThan(4_000);
  });
});
