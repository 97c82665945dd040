import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator } from '../../../src/emulator/emulator';
import type { RunningEmulator } from '../../../src/emulator/types';
import { createLogger } from '../../../src/log/logger';
import { createStorage } from '../../../src/storage/create-storage';
import { cardText, TEST_TENANT, linesInto } from '../../helpers/bot-harness';
import { TurnHarness } from '../../helpers/turn-harness';
import { action, invokeCard, invokeMessage, press } from './form-helpers';
import { emulatorEnv } from '../../helpers/emulator-env';

type Json = Record<string, unknown>;

/*
 * The SQLite file is deleted while the bot runs (issue 8): the loss is logged at error, a form
 * submitted then is refused with a plain "storage unavailable" and nothing is created, and after
 * the restart (a new, empty file) a form sent before the loss is answered with its ticket, never
 * created a second time. The emulator runs here (live mode), so its tickets outlive the bot.
 */
describe('SQLite file deleted while the bot runs', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mmd-storage-lost-'));
  const path = join(dir, 'bot.sqlite');
  let emulator: RunningEmulator;
  const logs: string[] = [];

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0 });
  });
  afterAll(async () => {
    await emulator?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function startBot(): Promise<TurnHarness> {
    const sink = linesInto(logs);
    // The real store with the real log line, as STORAGE=sqlite:<path> opens it.
    const storage = await createStorage({ kind: 'sqlite', path }, createLogger({ level: 'debug', destination: sink }));
    return TurnHarness.start({
      storage,
      env: {
        ...emulatorEnv(emulator),
        ALLOW_UNAUTHENTICATED: 'true',
        ALLOWED_TENANT_IDS: TEST_TENANT,
        DEFAULT_ROLE: 'operator',
      },
    });
  }

  const creates = () => emulator.requestLog().filter((r) => r.method === 'POST' && /\/tickets$/.test(r.url.split('?')[0]!)).length;
  const values = (title: string): Json => ({
    type: 'ChangeRequest',
    category: 'Devices',
    subcategory: 'Deployment groups assignment',
    title,
    description: 'Please move the finance devices.',
    severity: '4',
    phone: '+1 425 555 0100',
  });
  const ticketsTitled = async (bot: TurnHarness, title: string) =>
    (await bot.app.mmd.tickets.list({ title })).items.filter((t) => t.title === title).map((t) => t.id);

  it('logs the loss at error, refuses writes plainly, and never creates a form twice after the restart', async () => {
    const first = await startBot();
    let formA: Json;
    let formB: Json;
    let ticketA: unknown;
    try {
      formA = invokeCard(await first.execute('ticket.newForm', { deviceName: 'MMD-00001' }));
      formB = invokeCard(await first.execute('ticket.newForm', { deviceName: 'MMD-00001' }));
      ticketA = (action(invokeCard(await press(first, formA, 'ticket.create', values('Lost storage A'))), 'ticket.open').data as Json).id;
      expect(creates()).toBe(1);

      for (const file of [path, `${path}-wal`, `${path}-shm`]) rmSync(file, { force: true });
      const refused = invokeMessage(await press(first, formB, 'ticket.create', values('Lost storage B')));
      expect(refused).toMatch(/storage is not available right now.*I did not send it and nothing was created/);
      expect(creates()).toBe(1);
      const errors = logs.map((l) => JSON.parse(l) as Json).filter((l) => l.level === 50);
      expect(errors.filter((l) => /SQLite file or its write-ahead log \(-wal\) was deleted or replaced/.test(String(l.msg)))).toHaveLength(
        1,
      );
    } finally {
      await first.stop();
    }

    // Restart: a new, empty file at the same path.
    const second = await startBot();
    try {
      const replayA = invokeCard(await press(second, formA, 'ticket.create', values('Lost storage A')));
      expect((action(replayA, 'ticket.open').data as Json).id).toBe(ticketA);
      expect(creates()).toBe(1);
      // B was never sent: sent now, once.
      const sentB = invokeCard(await press(second, formB, 'ticket.create', values('Lost storage B')));
      const ticketB = (action(sentB, 'ticket.open').data as Json).id;
      expect(invokeCard(await press(second, formB, 'ticket.create', values('Lost storage B')))).toEqual(sentB);
      expect(creates()).toBe(2);
      expect(await ticketsTitled(second, 'Lost storage A')).toEqual([ticketA]);
      expect(await ticketsTitled(second, 'Lost storage B')).toEqual([ticketB]);
      expect(cardText(sentB)).toContain('Lost storage B');
    } finally {
      await second.stop();
    }
  });

  it('the write-ahead log (-wal) deleted while running: writes refused and logged once; after a crash no form is sent twice', async () => {
    rmSync(dir, { recursive: true, force: true });
    logs.length = 0;
    const first = await startBot();
    let formA: Json;
    let formB: Json;
    let ticketA: unknown;
    const before = creates();
    try {
      formA = invokeCard(await first.execute('ticket.newForm', { deviceName: 'MMD-00001' }));
      formB = invokeCard(await first.execute('ticket.newForm', { deviceName: 'MMD-00001' }));
      ticketA = (action(invokeCard(await press(first, formA, 'ticket.create', values('Lost WAL A'))), 'ticket.open').data as Json).id;
      expect(creates()).toBe(before + 1);

      rmSync(`${path}-wal`, { force: true });
      const refused = invokeMessage(await press(first, formB, 'ticket.create', values('Lost WAL B')));
      expect(refused).toMatch(/storage is not available right now.*I did not send it and nothing was created/);
      expect(creates()).toBe(before + 1);
      const errors = logs.map((l) => JSON.parse(l) as Json).filter((l) => l.level === 50);
      expect(errors.filter((l) => /write-ahead log \(-wal\) was deleted or replaced/.test(String(l.msg)))).toHaveLength(1);
    } finally {
      // A crash: nothing more is written, the process state is gone.
      await first.stop();
    }

    const second = await startBot();
    try {
      // A's claim was in the main file already (checkpointed at the write): answered, not sent again.
      const replayA = invokeCard(await press(second, formA, 'ticket.create', values('Lost WAL A')));
      expect((action(replayA, 'ticket.open').data as Json).id).toBe(ticketA);
      expect(creates()).toBe(before + 1);
      invokeCard(await press(second, formB, 'ticket.create', values('Lost WAL B')));
      expect(creates()).toBe(before + 2);
      expect(await ticketsTitled(second, 'Lost WAL A')).toEqual([ticketA]);
      expect(await ticketsTitled(second, 'Lost WAL B')).toHaveLength(1);
    } finally {
      await second.stop();
    }
  });
});
