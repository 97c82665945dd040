import { EXAMPLE_DEVICE, EXAMPLE_ELEVATED_DEVICE } from '../../src/emulator/seed';
import { writeAudit } from '../../src/state/audit-log';
import { cardOf, cardText } from '../helpers/bot-harness';
import { TurnHarness } from '../helpers/turn-harness';
import { findElements, validateCard } from '../helpers/card-validation';
import { ADMIN_ENV, OUTSIDER, addMembers, executeOnCard } from './elevation-details-helpers';

describe('the audit command', () => {
  let harness: TurnHarness;

  beforeAll(async () => {
    harness = await TurnHarness.start({ env: { ...ADMIN_ENV, ELEVATION_REVEAL_SECONDS: '60' } });
    addMembers(harness);
  });
  afterAll(async () => {
    await harness?.stop();
  });

  it('records every reveal attempt under audit/<ISO time>/<sequence>-<uuid> and shows them newest first', async () => {
    await executeOnCard(harness, 'elevation.reveal', { deviceName: EXAMPLE_ELEVATED_DEVICE });
    await executeOnCard(harness, 'elevation.reveal', { deviceName: EXAMPLE_DEVICE });
    await executeOnCard(
      harness,
      'elevation.reveal',
      { deviceName: EXAMPLE_ELEVATED_DEVICE },
      { user: OUTSIDER, conversationId: 'personal-mallory' },
    );

    const keys = await harness.app.storage.list('audit/');
    expect(keys).toHaveLength(3);
    for (const key of keys) expect(key).toMatch(/^audit\/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z\/[0-9a-z]{6}-[0-9a-f-]{36}$/);

    const replies = await harness.say('audit');
    const card = cardOf(replies[0]);
    expect(validateCard(card)).toEqual([]);
    const rows = findElements(card, 'ColumnSet').map((row) => cardText(row));
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatch(/Mallory Evil · revealed elevation details of MMD-00002[\s\S]*mallory@contoso\.com[\s\S]*Not an admin/);
    expect(rows[1]).toMatch(/Adele Vance · revealed elevation details of MMD-00001[\s\S]*No open request/);
    expect(rows[2]).toMatch(/Adele Vance · revealed elevation details of MMD-00002[\s\S]*adele\.vance@contoso\.com[\s\S]*Revealed/);
  });

  it('shows at most the 20 most recent records', async () => {
    for (let i = 0; i < 25; i++) {
      await writeAudit(harness.app.storage, {
        at: new Date(Date.UTC(2030, 0, 1, 0, i)).toISOString(),
        action: 'elevation.reveal',
        outcome: 'revealed',
        deviceName: `MMD-9${String(i).padStart(4, '0')}`,
        user: { id: 'u', name: 'Bulk' },
        conversation: { id: 'c', kind: 'personal' },
        correlationId: 'x',
      });
    }
    const card = cardOf((await harness.say('audit'))[0]);
    const rows = findElements(card, 'ColumnSet').map((row) => cardText(row));
    expect(rows).toHaveLength(20);
    expect(rows[0]).toContain('MMD-90024');
    expect(rows[19]).toContain('MMD-90005');
  });

  it('is refused to non-admins', async () => {
    const replies = await harness.say('audit', { user: OUTSIDER, conversationId: 'personal-mallory' });
    expect(replies).toHaveLength(1);
    expect(String(replies[0]!.text)).toMatch(/needs the bot-admin role/i);
    expect(replies[0]!.attachments).toBeUndefined();
  });

  it('asked in a channel, goes to the 1:1 chat', async () => {
    harness.connector.clear();
    await harness.say('audit', { conversationType: 'channel', conversationId: 'channel-audit' });
    const inChannel = harness.connector.sent('channel-audit');
    expect(inChannel).toHaveLength(1);
    expect(String(inChannel[0]!.text)).toMatch(/sent the audit log to you privately/);
    const created = harness.connector.created.at(-1)!;
    expect(cardText(cardOf(harness.connector.sent(created.id)[0]))).toMatch(/Audit log/);
  });
});

describe('refusal in sandbox mode', () => {
  it('tells a non-admin how to let themselves in, naming their own identity', async () => {
    const { TurnHarness } = await import('../helpers/turn-harness');
    const harness = await TurnHarness.start({ env: { DEFAULT_ROLE: 'reader' } });
    try {
      const replies = await harness.say('audit');
      expect(String(replies[0]!.text)).toMatch(/BOT_ADMINS .*set to \S+@\S+\./);
      expect(String(replies[0]!.text)).not.toMatch(/\*\*/);
    } finally {
      await harness.stop();
    }
  });
});
