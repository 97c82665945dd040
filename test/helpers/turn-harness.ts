import { randomUUID } from 'node:crypto';
import type { Reply } from '../../src/bot/reply';
import type { Turn, TurnMember } from '../../src/bot/turn';
import type { AdaptiveCard } from '../../src/cards/render';
import { loadConfig } from '../../src/config/config';
import { createCore, type Core } from '../../src/core';
import { withDeadline } from '../../src/http/deadline';
import { createLogger } from '../../src/log/logger';
import { MemoryStorage } from '../../src/storage/memory-storage';
import { extensionInvoke } from '../../src/teams/extension-invoke';
import { extensionResponse } from '../../src/teams/extension-response';
import { cardActivity, replyActivity } from '../../src/teams/send-reply';
import { invokeAnswer } from '../../src/teams/teams-bot';
import { DEFAULT_DEADLINES } from '../../src/teams/teams-turn';
import {
  addDefaultUser,
  DEFAULT_USER,
  linesInto,
  TEST_TENANT,
  type HarnessOptions,
  type InvokeResponse,
  type SendOptions,
} from './bot-harness';
import { ConnectorRecord } from './fake-connector';

/** Where and who, plus what the edge reads from an activity's local time. */
export interface TurnOptions extends SendOptions {
  utcOffsetMinutes?: number;
}

const SERVICE_URL = 'https://smba.example.test/';

/** A card as the Teams edge sends it (src/teams/send-reply.ts). */
const activityOf = (card: AdaptiveCard, text?: string): Record<string, unknown> => ({ ...cardActivity(card, text) });

/** What the bot asked of Teams, recorded as the FakeConnector records it (no HTTP). */
class TurnRecorder extends ConnectorRecord {
  /** The serviceUrl turns carry (stored in conversation references). */
  readonly url = SERVICE_URL;
  private next = 1;

  record(method: 'POST' | 'PUT', conversationId: string, activity: Record<string, unknown>, activityId?: string): string {
    const id = method === 'PUT' ? activityId! : `activity-${this.next++}`;
    this.calls.push({ method, conversationId, activityId, activity, at: Date.now(), responseId: id });
    return id;
  }

  newConversation(tenantId: string, member: { id: string }): string {
    const id = `personal-${this.next++}`;
    this.created.push({ members: [member], tenantId, id });
    return id;
  }
}

/**
 * The bot at its Turn port: the app's own core (src/core.ts: handlers, routing, storage, the
 * MMD and Graph clients against the built-in emulator on loopback) driven with turns made here,
 * no Teams SDK and no /api/messages in between. The Teams edge has its own tests; the few that
 * need the whole app over HTTP use BotHarness.
 */
export class TurnHarness {
  app!: Core;
  connector = new TurnRecorder();
  logs: string[] = [];
  private deadlines = DEFAULT_DEADLINES;

  static async start(options: HarnessOptions = {}): Promise<TurnHarness> {
    const harness = new TurnHarness();
    addDefaultUser(harness.connector.members);
    if (options.deadlines) harness.deadlines = options.deadlines;
    const config = loadConfig({ PORT: '0', STORAGE: 'memory', LOG_LEVEL: 'debug', ...options.env });
    const sink = linesInto(harness.logs);
    const recorder = harness.connector;
    harness.app = await createCore(
      config,
      { logger: createLogger({ level: 'debug', destination: sink }), storage: options.storage ?? new MemoryStorage(), now: options.now },
      () => ({
        cards: {
          updateCard: async (reference, activityId, card) =>
            void recorder.record('PUT', reference.conversation.id, activityOf(card), activityId),
        },
        sender: {
          send: async (target, card, sendOptions = {}) => {
            if (sendOptions.updateActivityId) {
              recorder.record('PUT', target.conversationId, activityOf(card), sendOptions.updateActivityId);
              return { activityId: sendOptions.updateActivityId };
            }
            return { activityId: recorder.record('POST', target.conversationId, activityOf(card), sendOptions.replyToId) };
          },
        },
      }),
    );
    harness.app.startBackground();
    return harness;
  }

  async stop(): Promise<void> {
    await this.app.stop();
  }

  /** A turn as the Teams edge would make it from an activity with these options. */
  turn(kind: Turn['kind'], options: TurnOptions = {}, deadlineMs = this.deadlines.messageMs): Turn {
    const type = options.conversationType ?? 'personal';
    const conversationId = options.conversationId ?? `${type}-conv-1`;
    const from = options.user ?? DEFAULT_USER;
    const user = { id: from.id, aadObjectId: from.aadObjectId, name: from.name };
    const recorder = this.connector;
    const correlationId = randomUUID();
    const entry = (): TurnMember | undefined => {
      const found = recorder.members.get(user.id);
      if (!found) return undefined;
      const { id: _id, ...member } = found;
      return member;
    };
    return {
      correlationId,
      kind,
      conversation: type,
      conversationId,
      tenantId: TEST_TENANT,
      user,
      replyToId: options.replyToId,
      utcOffsetMinutes: options.utcOffsetMinutes ?? 0,
      signal: withDeadline(deadlineMs),
      log: this.app.logger.child({ correlationId }),
      member: async () => entry(),
      sendCard: async (card, text) => recorder.record('POST', conversationId, activityOf(card, text)),
      updateCard: async (activityId, card) => void recorder.record('PUT', conversationId, activityOf(card), activityId),
      sendPrivately: async (card) => {
        const privateId = type === 'personal' ? conversationId : recorder.newConversation(TEST_TENANT, user);
        const activityId = recorder.record('POST', privateId, activityOf(card));
        return { ok: true, conversationId: privateId, activityId };
      },
      reference: () => ({
        serviceUrl: recorder.url,
        channelId: 'msteams',
        bot: { id: 'bot-1', name: 'MMD Assist' },
        user,
        conversation: { id: conversationId, conversationType: type, tenantId: TEST_TENANT, isGroup: type !== 'personal' },
      }),
      send: async (reply) => this.deliver(conversationId, reply),
    };
  }

  /** A chat message; answers the activities the bot sent during the turn. */
  async say(text: string, options: SendOptions = {}): Promise<Record<string, unknown>[]> {
    const turn = this.turn('message', options);
    return this.during(async () => this.deliver(turn.conversationId, await this.app.bot.message(turn, text)));
  }

  /** Action.Execute; answers the invoke response, as Teams would get it. */
  async execute(verb: string, data: unknown, options: TurnOptions = {}): Promise<InvokeResponse> {
    const answer = invokeAnswer(await this.app.bot.execute(this.turn('invoke', options), verb, data));
    return { statusCode: answer.statusCode, type: answer.type, value: answer.value };
  }

  /** A message extension invoke (`composeExtension/...`), under the invoke deadline as in Teams. */
  async invoke(name: string, value: unknown, options: SendOptions = {}): Promise<{ status: number; body: Record<string, unknown> }> {
    const parsed = extensionInvoke(name, value);
    if (!parsed) throw new Error(`TurnHarness.invoke: ${name} is not a message extension invoke`);
    const reply = await this.app.bot.extension(this.turn('invoke', options, this.deadlines.invokeMs), parsed);
    return { status: 200, body: extensionResponse(reply) as Record<string, unknown> };
  }

  /** An Action.Submit (a message whose value carries the verb). */
  async submit(value: Record<string, unknown>, options: SendOptions = {}): Promise<Record<string, unknown>[]> {
    const turn = this.turn('message', options);
    return this.during(async () =>
      this.deliver(turn.conversationId, await this.app.bot.submit(turn, value as { verb: unknown } & Record<string, unknown>)),
    );
  }

  /** What was posted while `run` ran, in any conversation (a private answer included). */
  private async during(run: () => Promise<void>): Promise<Record<string, unknown>[]> {
    const before = this.connector.calls.length;
    await run();
    return this.connector.calls
      .slice(before)
      .filter((c) => c.method === 'POST')
      .map((c) => c.activity);
  }

  /** A reply sent as a message, as the Teams edge sends it. */
  private async deliver(conversationId: string, reply: Reply): Promise<void> {
    const activity = replyActivity(reply);
    if (activity) this.connector.record('POST', conversationId, { ...activity });
  }
}
