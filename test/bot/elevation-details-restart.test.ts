import { fakeDate } from '../helpers/clock';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApp, type RunningApp } from '../../src/app';
import { loadConfig } from '../../src/config/config';
import { EXAMPLE_ELEVATED_DEVICE } from '../../src/emulator/seed';
import { createLogger } from '../../src/log/logger';
import { SqliteStorage } from '../../src/storage/sqlite-storage';
import { BotHarness, cardOf, cardText, linesInto } from '../helpers/bot-harness';
import { validateCard } from '../helpers/card-validation';
import { ADMIN_ENV, dumpStorage, executeOnCard, passwordBlockRuns, shownCardId } from './elevation-details-helpers';

describe('redaction of a revealed password survives a restart', () => {
  let dir: string;
  let harness: BotHarness;
  let second: RunningApp | undefined;
  const logs: string[] = [];

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'elevation-restart-'));
  });
  afterAll(async () => {
    await second?.stop();
    await harness?.connector.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  let clock: ReturnType<typeof fakeDate> | undefined;
  afterEach(() => clock?.restore());

  it('reveal, stop, start a new app on the same SQLite file: the overdue redaction is sent', async () => {
    const path = join(dir, 'bot.sqlite');
    const env = { ...ADMIN_ENV, ELEVATION_REVEAL_SECONDS: '2' };
    harness = await BotHarness.start({ env, storage: new SqliteStorage(path) });
    const cardId = (await shownCardId(harness, EXAMPLE_ELEVATED_DEVICE))!;
    const res = await executeOnCard(harness, 'elevation.reveal', { deviceName: EXAMPLE_ELEVATED_DEVICE }, { replyToId: cardId });
    const password = String(passwordBlockRuns(res.value)[0]!.text);
    expect(password.length).toBeGreaterThan(8);
    expect(await harness.app.storage.list('redactions/')).toHaveLength(1);

    // Stop the bot before the reveal time is over; the fake Teams connector stays up.
    await harness.app.stop();
    expect(harness.connector.updates()).toHaveLength(0);
    clock = fakeDate();
    clock.advance(2100); // past the reveal time, while no bot runs

    const sink = linesInto(logs);
    second = await startApp(loadConfig({ PORT: '0', STORAGE: 'memory', LOG_LEVEL: 'debug', ...env }), {
      logger: createLogger({ level: 'debug', destination: sink }),
      storage: new SqliteStorage(path),
      host: '127.0.0.1',
    });
    await harness.connector.waitFor(() => harness.connector.updates().length > 0);
    const [update] = harness.connector.updates();
    expect(update).toMatchObject({ conversationId: 'personal-conv-1', activityId: cardId });
    const card = cardOf(update!.activity);
    expect(validateCard(card)).toEqual([]);
    expect(cardText(card)).toMatch(/hidden again/i);
    expect(JSON.stringify(update!.activity)).not.toContain(password);

    await harness.connector.waitFor(() => logs.join('').includes('elevation details redacted'));
    expect(await second.storage.list('redactions/')).toEqual([]);
    expect(await dumpStorage(second.storage)).not.toContain(password);
    expect([...harness.logs, ...logs].join('\n')).not.toContain(password);
  });
});
