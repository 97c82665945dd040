import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { startApp, type RunningApp } from '../../src/app';
import { loadConfig } from '../../src/config/config';
import { createLogger } from '../../src/log/logger';
import { MemoryStorage } from '../../src/storage/memory-storage';
import type { Storage } from '../../src/storage/storage';
import type { TurnDeadlines } from '../../src/teams/teams-turn';
import { FakeConnector, type TeamsMember } from './fake-connector';

type ConversationType = 'personal' | 'groupChat' | 'channel';

export interface SendOptions {
  conversationType?: ConversationType;
  /** The message holding the pressed card (invokes). */
  replyToId?: string;
  conversationId?: string;
  user?: { id: string; name?: string; aadObjectId?: string };
}

export interface HarnessOptions {
  env?: Record<string, string>;
  storage?: Storage;
  now?: () => Date;
  /** Turn deadlines instead of Teams' (see AppOverrides.deadlines). */
  deadlines?: TurnDeadlines;
}

/**
 * What chat tests use of a harness, whether it reaches the bot over /api/messages (BotHarness)
 * or at its Turn port (TurnHarness): the same calls and the same recorded sends.
 */
export interface ChatHarness {
  app: Pick<RunningApp, 'emulator' | 'mmd' | 'storage' | 'notify' | 'graph'>;
  connector: Pick<FakeConnector, 'calls' | 'members' | 'sent' | 'updates' | 'url' | 'waitFor' | 'clear'>;
  say(text: string, options?: SendOptions): Promise<Record<string, unknown>[]>;
  execute(verb: string, data: unknown, options?: SendOptions): Promise<InvokeResponse>;
  submit(value: Record<string, unknown>, options?: SendOptions): Promise<Record<string, unknown>[]>;
  /** Any other invoke (message extension, sign-in); Teams' HTTP status and the invoke body. */
  invoke(name: string, value: unknown, options?: SendOptions): Promise<{ status: number; body: Record<string, unknown> }>;
}

export const TEST_TENANT = 'tenant-0001';
export const DEFAULT_USER = { id: 'user-1', name: 'Adele Vance', aadObjectId: 'aad-user-1' };

/** The default user as Teams' roster knows them (their UPN is what roles are granted to). */
export function addDefaultUser(members: Map<string, TeamsMember>): void {
  members.set(DEFAULT_USER.id, {
    ...DEFAULT_USER,
    givenName: 'Adele',
    surname: 'Vance',
    email: 'adele.vance@contoso.com',
    userPrincipalName: 'adele.vance@contoso.com',
  });
}

/** A log destination that keeps each line (tests prove what never reaches the logs). */
export function linesInto(lines: string[]): Writable {
  return new Writable({
    write(chunk: Buffer, _enc, cb) {
      lines.push(chunk.toString('utf8'));
      cb();
    },
  });
}

/**
 * The real bot over real HTTP: startApp in sandbox mode (built-in emulator), its /api/messages
 * on loopback, and a FakeConnector as the serviceUrl that records what the bot sends. Logs are
 * captured in `logs` so tests can prove what never reaches them.
 */
export class BotHarness implements ChatHarness {
  app!: RunningApp;
  connector = new FakeConnector();
  logs: string[] = [];

  static async start(options: HarnessOptions = {}): Promise<BotHarness> {
    const harness = new BotHarness();
    await harness.connector.start();
    addDefaultUser(harness.connector.members);
    const config = loadConfig({ PORT: '0', STORAGE: 'memory', LOG_LEVEL: 'debug', ...options.env });
    const sink = linesInto(harness.logs);
    harness.app = await startApp(config, {
      logger: createLogger({ level: 'debug', destination: sink }),
      storage: options.storage ?? new MemoryStorage(),
      now: options.now,
      host: '127.0.0.1',
      deadlines: options.deadlines,
    });
    return harness;
  }

  async stop(): Promise<void> {
    await this.app.stop();
    await this.connector.stop();
  }

  activity(partial: Record<string, unknown>, options: SendOptions = {}): Record<string, unknown> {
    const conversationType = options.conversationType ?? 'personal';
    const user = options.user ?? DEFAULT_USER;
    return {
      channelId: 'msteams',
      serviceUrl: this.connector.url,
      id: randomUUID(),
      ...(options.replyToId ? { replyToId: options.replyToId } : {}),
      timestamp: new Date().toISOString(),
      from: { id: user.id, name: user.name, aadObjectId: user.aadObjectId },
      recipient: { id: 'bot-1', name: 'MMD Assist' },
      conversation: {
        id: options.conversationId ?? `${conversationType}-conv-1`,
        conversationType,
        isGroup: conversationType !== 'personal',
        tenantId: TEST_TENANT,
      },
      channelData: { tenant: { id: TEST_TENANT } },
      ...partial,
    };
  }

  /** POSTs an activity to /api/messages and returns the HTTP status and body. */
  async post(activity: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: unknown }> {
    const res = await fetch(`${this.app.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof activity === 'string' ? activity : JSON.stringify(activity),
    });
    const text = await res.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON
    }
    return { status: res.status, body };
  }

  /** Sends a chat message; returns the activities the bot sent in answer. */
  async say(text: string, options: SendOptions = {}): Promise<Record<string, unknown>[]> {
    const before = this.connector.calls.length;
    const { status } = await this.post(this.activity({ type: 'message', text }, options));
    if (status !== 200) throw new Error(`/api/messages answered ${status}`);
    return this.connector.calls
      .slice(before)
      .filter((c) => c.method === 'POST')
      .map((c) => c.activity);
  }

  /** Sends Action.Execute; returns the invoke response body. */
  async execute(verb: string, data: unknown, options: SendOptions = {}): Promise<InvokeResponse> {
    const { status, body } = await this.post(
      this.activity(
        { type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' } },
        options,
      ),
    );
    if (status !== 200) throw new Error(`invoke answered ${status}: ${JSON.stringify(body)}`);
    return body as InvokeResponse;
  }

  async invoke(name: string, value: unknown, options: SendOptions = {}): Promise<{ status: number; body: Record<string, unknown> }> {
    const { status, body } = await this.post(this.activity({ type: 'invoke', name, value }, options));
    return { status, body: (body ?? {}) as Record<string, unknown> };
  }

  /** Sends an Action.Submit (a message with a value). */
  async submit(value: Record<string, unknown>, options: SendOptions = {}): Promise<Record<string, unknown>[]> {
    const before = this.connector.calls.length;
    const { status } = await this.post(this.activity({ type: 'message', value }, options));
    if (status !== 200) throw new Error(`/api/messages answered ${status}`);
    return this.connector.calls
      .slice(before)
      .filter((c) => c.method === 'POST')
      .map((c) => c.activity);
  }
}

export interface InvokeResponse {
  statusCode: number;
  type: string;
  value: unknown;
}

/** The Adaptive Card of a sent activity (first attachment). */
export function cardOf(activity: Record<string, unknown> | undefined): Record<string, unknown> {
  const attachments = activity?.attachments as { contentType: string; content: Record<string, unknown> }[] | undefined;
  const card = attachments?.find((a) => a.contentType === 'application/vnd.microsoft.card.adaptive')?.content;
  if (!card) throw new Error(`no Adaptive Card in ${JSON.stringify(activity)?.slice(0, 300)}`);
  return card;
}

/** All the visible text of a card (TextBlocks, TextRuns, facts, action titles), for assertions. */
export function cardText(card: unknown): string {
  const out: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const o = node as Record<string, unknown>;
    for (const key of ['text', 'title', 'value', 'placeholder', 'label']) {
      if (typeof o[key] === 'string') out.push(o[key]);
    }
    Object.values(o).forEach(walk);
  };
  walk(card);
  return out.join('\n');
}

/**
 * What the user reads in a reply: the message text, or a short answer card's runs joined as one
 * line (say() answers are cards of TextRuns). Works for sent activities and invoke responses.
 */
export function answerText(reply: Record<string, unknown> | InvokeResponse | undefined): string {
  if (!reply) return '';
  if ('statusCode' in reply && 'value' in reply) {
    const res = reply;
    if (res.type === 'application/vnd.microsoft.card.adaptive') return runsText(res.value);
    return String(res.value);
  }
  const attachments = reply.attachments as { contentType: string; content: unknown }[] | undefined;
  const card = attachments?.find((a) => a.contentType === 'application/vnd.microsoft.card.adaptive')?.content;
  return [typeof reply.text === 'string' ? reply.text : '', card ? runsText(card) : ''].filter(Boolean).join('\n');
}

/** A card's text with TextRuns of one block joined without breaks (the way a person reads them). */
function runsText(card: unknown): string {
  const out: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const o = node as Record<string, unknown>;
    if (o.type === 'RichTextBlock' && Array.isArray(o.inlines)) {
      out.push((o.inlines as Array<{ text?: unknown }>).map((i) => (typeof i.text === 'string' ? i.text : '')).join(''));
      return;
    }
    for (const key of ['text', 'title']) if (typeof o[key] === 'string') out.push(o[key]);
    Object.values(o).forEach(walk);
  };
  walk(card);
  return out.join('\n');
}
