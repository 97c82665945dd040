import { SettingsStore } from '../../src/notify/conversation-settings';
import { MessageStore } from '../../src/notify/message-store';
import { SubscriptionStore } from '../../src/notify/subscription-store';
import { showAudit } from '../../src/bot/handlers/audit';
import { revealElevationDetails } from '../../src/bot/handlers/elevation-details';
import type { BotDeps } from '../../src/bot/deps';
import { createSecurityServices } from '../../src/bot/security/security-services';
import { loadConfig } from '../../src/config/config';
import { createLogger } from '../../src/log/logger';
import type { GraphSecurityClient } from '../../src/graph/graph-security-client';
import type { MmdClient } from '../../src/mmd/mmd-client';
import { recentAudit } from '../../src/state/audit-log';
import { MemoryStorage } from '../../src/storage/memory-storage';
import { cardText } from '../helpers/bot-harness';
import { fakeTurn } from './fake-turn';

/*
 * Handlers against a fake Turn: no Teams, no HTTP. The paths here decide before any MMD call,
 * so the MMD client is one that fails the test if it is used.
 */
function deps(admins = 'adele@contoso.com'): BotDeps {
  const config = loadConfig({ PORT: '0', STORAGE: 'memory', ELEVATION_ADMINS: admins, BOT_ADMINS: admins });
  const storage = new MemoryStorage();
  const logger = createLogger({ level: 'silent' });
  const now = () => new Date('2030-01-01T00:00:00Z');
  const unusedMmd = new Proxy(
    {},
    {
      get: (_, name) => {
        throw new Error(`MMD client used: ${String(name)}`);
      },
    },
  ) as MmdClient;
  const unusedGraph = new Proxy(
    {},
    {
      get: (_, name) => {
        throw new Error(`Graph client used: ${String(name)}`);
      },
    },
  ) as GraphSecurityClient;
  const cards = {
    updateCard: async () => {
      throw new Error('no proactive update expected');
    },
  };
  const notify = {
    subscriptions: new SubscriptionStore(storage),
    settings: new SettingsStore(storage),
    messages: new MessageStore(storage),
  };
  return {
    config,
    mmd: unusedMmd,
    storage,
    logger,
    now,
    security: createSecurityServices({ config, storage, logger, now, cards }),
    notify,
    graph: unusedGraph,
  };
}

describe('handlers with a fake Turn', () => {
  it('audit asked in a group chat: the card goes privately, the group hears only that', async () => {
    const turn = fakeTurn({ conversation: 'groupChat', member: { userPrincipalName: 'Adele@Contoso.com' } });
    const reply = await showAudit(turn, {}, deps());
    expect(reply).toEqual({ kind: 'text', text: 'I sent the audit log to you privately, in our 1:1 chat.' });
    expect(turn.sentPrivately).toHaveLength(1);
    expect(cardText(turn.sentPrivately[0]!)).toMatch(/audit/i);
    expect(turn.memberLookups).toBe(1);
  });

  it('audit when the 1:1 chat cannot be opened: says so, sends nothing', async () => {
    const turn = fakeTurn({ conversation: 'channel', member: { userPrincipalName: 'adele@contoso.com' }, privateDelivery: { ok: false } });
    const reply = await showAudit(turn, {}, deps());
    expect(reply.kind).toBe('text');
    expect(reply.text).toMatch(/could not open a 1:1 chat/);
  });

  it('a non-admin gets the polite no and nothing is sent', async () => {
    const turn = fakeTurn({ member: { userPrincipalName: 'someone@contoso.com' } });
    const reply = await showAudit(turn, {}, deps());
    expect(reply.text).toMatch(/only the bot's administrators can read the audit log/);
    expect(turn.sentPrivately).toEqual([]);
  });

  it('Reveal in a conversation of unknown kind is refused and audited as not personal (fails closed)', async () => {
    const d = deps();
    const turn = fakeTurn({
      kind: 'invoke',
      conversation: 'unknown',
      member: { userPrincipalName: 'adele@contoso.com' },
      replyToId: 'card-1',
    });
    const reply = await revealElevationDetails(turn, { deviceName: 'MMD-00002' }, d);
    expect(reply.text).toMatch(/only reveal passwords in our 1:1 chat/);
    const [record] = await recentAudit(d.storage, 5);
    expect(record).toMatchObject({
      outcome: 'not_personal',
      conversation: { id: 'conversation-1', kind: 'unknown' },
      user: { upn: 'adele@contoso.com' },
    });
    expect(turn.updated).toEqual([]);
  });
});
