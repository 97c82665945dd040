import { loadConfig } from '../../src/config/config';
import { createLogger } from '../../src/log/logger';
import type { NotifyTarget } from '../../src/notify/notify-target';
import { DeliveryError } from '../../src/notify/sender';
import { createAdapter } from '../../src/teams/adapter';
import { createTeamsSender } from '../../src/teams/teams-sender';
import { cardOf } from '../helpers/bot-harness';
import { FakeConnector } from '../helpers/fake-connector';
import { FixedCredentialsFactory, OUTBOUND_TOKEN } from '../helpers/fixed-credentials';

const CARD = { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: 'Ticket updated' }] };

describe('the Teams sender (proactive cards through the Bot Connector)', () => {
  const connector = new FakeConnector();
  const adapter = createAdapter(
    loadConfig({ STORAGE: 'memory' }).bot,
    createLogger({ level: 'silent' }),
    new FixedCredentialsFactory('app-1'),
  );
  const sender = createTeamsSender(adapter, 'app-1');
  let target: (kind: NotifyTarget['kind'], id?: string) => NotifyTarget;

  beforeAll(async () => {
    await connector.start();
    target = (kind, id = `${kind}-1`) => ({
      key: id,
      conversationId: id,
      kind,
      tenantId: 't-1',
      serviceUrl: connector.url,
      botId: 'bot-1',
    });
  });
  afterAll(() => connector.stop());
  beforeEach(() => connector.clear());

  it('posts the card to the conversation, signed, and answers the activity id', async () => {
    const { activityId } = await sender.send(target('personal'), CARD);
    const [call] = connector.calls;
    expect(call).toMatchObject({ method: 'POST', conversationId: 'personal-1', authorization: `Bearer ${OUTBOUND_TOKEN}` });
    expect(cardOf(call!.activity)).toEqual(CARD);
    expect(activityId).toMatch(/^activity-/);
  });

  it('replies in a channel thread through `<conversation>;messageid=<root>`', async () => {
    await sender.send(target('channel', '19:ops@thread.tacv2'), CARD, { replyToId: '1700000000000' });
    expect(connector.calls[0]!.conversationId).toBe('19:ops@thread.tacv2;messageid=1700000000000');
  });

  it('replaces an earlier card with updateActivity', async () => {
    const { activityId } = await sender.send(target('personal'), CARD, { updateActivityId: 'act-7' });
    expect(connector.calls[0]).toMatchObject({ method: 'PUT', conversationId: 'personal-1', activityId: 'act-7' });
    expect(activityId).toBe('act-7');
  });

  it.each([
    [403, 'ConversationBlockedByUser', 'stop'],
    [403, 'BotNotInConversationRoster', 'stop'],
    [404, 'ConversationNotFound', 'stop'],
    [400, 'BadArgument', 'fatal'],
    [412, 'PreconditionFailed', 'retryable'],
  ])('a %i %s is a %s DeliveryError', async (status, code, kind) => {
    connector.failNext('personal-1', { status, code });
    const error = await sender.send(target('personal'), CARD).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DeliveryError);
    expect(error).toMatchObject({ kind, status, code });
  });
});

describe('a refused proactive send', () => {
  it('posts nothing else to the conversation (no "something went wrong" message)', async () => {
    const connector = await new FakeConnector().start();
    const adapter = createAdapter(
      loadConfig({ STORAGE: 'memory' }).bot,
      createLogger({ level: 'silent' }),
      new FixedCredentialsFactory('app-1'),
    );
    connector.failNext('personal-2', { status: 403, code: 'ConversationBlockedByUser' });
    const target: NotifyTarget = {
      key: 'personal-2',
      conversationId: 'personal-2',
      kind: 'personal',
      tenantId: 't-1',
      serviceUrl: connector.url,
    };
    await expect(createTeamsSender(adapter, 'app-1').send(target, CARD)).rejects.toMatchObject({ kind: 'stop' });
    expect(connector.calls).toEqual([]);
    await connector.stop();
  });
});
