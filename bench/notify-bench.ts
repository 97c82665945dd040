/**
 * The notifications slot of `npm run bench`: src/notify driven directly (the wiring into the
 * app is another issue's), measured in this process against an emulator in its own process.
 * - Poll cycle: CPU ms and API calls for BENCH_NOTIFY_TICKETS (10,000) tickets and 1,000
 *   followed tickets (one conversation each): the first (baseline) poll, a poll with nothing
 *   changed, and a poll after 100 followed tickets changed.
 * - Fan-out: one ticket followed by 2,000 conversations changes; the real Delivery, rate limiter
 *   and change card send to a connector that answers 429 past Teams' limits (per conversation
 *   7/s and 60/30 s, overall 50/s). Goal: within 5% of 50/s and no 429.
 * - Note latency: 100 open followed tickets each get a note right after a poll; polls (with the
 *   default NOTIFY_NOTES_PER_POLL) run until every note became an event. The worst latency is
 *   that many polls of NOTIFY_POLL_SECONDS (60 s).
 */
import { fork } from 'node:child_process';
import { Agent, request } from 'node:http';
import { join } from 'node:path';
import { createMsalCredentials } from '../src/http/token-provider';
import { createMmdClient } from '../src/mmd/create-client';
import type { MmdClient } from '../src/mmd/mmd-client';
import { DEFAULT_SCOPE } from '../src/config/variables';
import { SettingsStore } from '../src/notify/conversation-settings';
import { Delivery } from '../src/notify/delivery';
import { MessageStore } from '../src/notify/message-store';
import { notifyKeys } from '../src/notify/notify-keys';
import type { NotifyTarget } from '../src/notify/notify-target';
import { Outbox } from '../src/notify/outbox';
import { Poller } from '../src/notify/poller';
import { RateLimiter, teamsLimits } from '../src/notify/rate-limiter';
import { deliveryError, type Sender } from '../src/notify/sender';
import { SubscriptionStore } from '../src/notify/subscription-store';
import { MemoryStorage } from '../src/storage/memory-storage';
import { LimitedConnector } from './limited-connector';

interface EmulatorInfo {
  url: string;
  mmdBaseUrl: string;
  tokenEndpoint: string;
  tenantId: string;
  clientId: string;
  clientSecret: string;
}

const TICKETS = Number(process.env.BENCH_NOTIFY_TICKETS ?? 10_000);
const FOLLOWERS = 1000;
const CHANGED = 100;
const FAN_OUT = 2000;
const MAX_PER_SECOND = 50;
const NOTE_TICKETS = 100;
const POLL_SECONDS = 60;

/**
 * Worst note latency for NOTE_TICKETS open followed tickets, in polls: notes posted on all of
 * them just after a poll, then polls until each note is in the outbox.
 */
async function noteLatency(e: EmulatorInfo, mmd: Pick<MmdClient, 'tickets'>, serviceUrl: string) {
  const storage = new MemoryStorage();
  const subscriptions = new SubscriptionStore(storage);
  const outbox = new Outbox(storage);
  const poller = new Poller({ mmd, storage, subscriptions, outbox, now: () => new Date() });
  await poller.poll();
  const snapshot =
    (await storage.get<{ tickets: Record<string, { s: { state: string | null } }> }>(notifyKeys.snapshot))?.value.tickets ?? {};
  const open = Object.entries(snapshot)
    .filter(([, t]) => ['new', 'active'].includes((t.s.state ?? '').toLowerCase()))
    .map(([id]) => id)
    .slice(0, NOTE_TICKETS);
  if (open.length < NOTE_TICKETS) throw new Error(`only ${open.length} open tickets`);
  const at = new Date();
  for (const id of open)
    await subscriptions.subscribe(
      id,
      { key: `n-${id}`, conversationId: `n-${id}`, kind: 'personal', tenantId: e.tenantId, serviceUrl },
      'bench',
      at,
    );
  // A full round-robin cycle first, so every followed ticket has its notes baseline.
  for (let i = 0; i < 6; i++) await poller.poll();
  for (const id of open) {
    const res = await fetch(`${e.url}/_emulator/tickets/${encodeURIComponent(id)}/notes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: `bench note ${id}` }),
    });
    if (!res.ok) throw new Error(`note answered ${res.status}`);
  }
  const arrived = new Map<string, number>();
  let polls = 0;
  let notesCalls = 0;
  while (arrived.size < open.length && polls < 50) {
    polls += 1;
    notesCalls += (await poller.poll()).notesCalls;
    for (const event of await outbox.pending()) {
      if (event.kind !== 'change' || arrived.has(event.ticket.id)) continue;
      if (event.changes.some((c) => c.kind === 'note' && c.note.text === `bench note ${event.ticket.id}`))
        arrived.set(event.ticket.id, polls);
    }
  }
  const worstPolls = arrived.size < open.length ? Number.POSITIVE_INFINITY : Math.max(...arrived.values());
  return {
    openFollowed: open.length,
    arrived: arrived.size,
    worstPolls,
    worstSeconds: worstPolls * POLL_SECONDS,
    pollSeconds: POLL_SECONDS,
    notesCallsPerPoll: r1(notesCalls / polls),
  };
}

function startEmulatorProcess(): Promise<{ info: EmulatorInfo; stop: () => void }> {
  const child = fork(join(__dirname, 'notify-emulator.js'), [], {
    env: { ...process.env, BENCH_NOTIFY_TICKETS: String(TICKETS) },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`notify emulator exited with ${code}`)));
    child.on('message', (m: { kind: string; emulator: EmulatorInfo }) => {
      if (m.kind === 'ready') resolve({ info: m.emulator, stop: () => child.kill('SIGKILL') });
    });
  });
}

/** The MMD client as the app builds it, with every ticket call counted. */
function countingClient(e: EmulatorInfo, calls: { n: number }): Pick<MmdClient, 'tickets'> {
  const credentials = createMsalCredentials({
    tenantId: e.tenantId,
    clientId: e.clientId,
    clientSecret: e.clientSecret,
    authorityHost: 'https://login.microsoftonline.com',
    tokenEndpoint: e.tokenEndpoint,
    timeoutMs: 10_000,
  });
  const mmd = createMmdClient({
    baseUrl: e.mmdBaseUrl,
    tenantId: e.tenantId,
    tokenProvider: credentials.forScope(DEFAULT_SCOPE),
    timeoutMs: 10_000,
  });
  const t = mmd.tickets;
  return {
    tickets: {
      list: (...a) => (calls.n++, t.list(...a)),
      get: (...a) => (calls.n++, t.get(...a)),
      create: (...a) => (calls.n++, t.create(...a)),
      notes: (...a) => (calls.n++, t.notes(...a)),
      addNote: (...a) => (calls.n++, t.addNote(...a)),
    },
  };
}

/** Posts the card to the connector the way a proactive send does; refusals become DeliveryErrors. */
function httpSender(): Sender {
  const agent = new Agent({ keepAlive: true, maxSockets: 16 });
  return {
    send: (target, card) =>
      new Promise((resolve, reject) => {
        const body = JSON.stringify({
          type: 'message',
          attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }],
        });
        const url = new URL(`v3/conversations/${encodeURIComponent(target.conversationId)}/activities`, target.serviceUrl);
        const req = request(
          url,
          { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
          (res) => {
            let text = '';
            res.setEncoding('utf8');
            res.on('data', (c: string) => (text += c));
            res.on('end', () => {
              const status = res.statusCode ?? 0;
              if (status >= 200 && status < 300) resolve({ activityId: (JSON.parse(text) as { id: string }).id });
              else
                reject(
                  deliveryError(
                    status,
                    (JSON.parse(text || '{}') as { error?: { code?: string } }).error?.code,
                    res.headers['retry-after'] ?? null,
                  ),
                );
            });
          },
        );
        req.on('error', () => reject(deliveryError(undefined, undefined, null)));
        req.end(body);
      }),
  };
}

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const r1 = (x: number) => Math.round(x * 10) / 10;

async function measured<T>(
  work: () => Promise<T>,
  calls: { n: number },
): Promise<{ result: T; cpuMs: number; wallMs: number; apiCalls: number }> {
  const c0 = cpuMs();
  const w0 = performance.now();
  const n0 = calls.n;
  const result = await work();
  return { result, cpuMs: r1(cpuMs() - c0), wallMs: Math.round(performance.now() - w0), apiCalls: calls.n - n0 };
}

export async function notificationFigures(log: (s: string) => void) {
  const emulator = await startEmulatorProcess();
  const connector = await new LimitedConnector().start();
  try {
    const e = emulator.info;
    const calls = { n: 0 };
    const mmd = countingClient(e, calls);
    const storage = new MemoryStorage();
    const subscriptions = new SubscriptionStore(storage);
    const outbox = new Outbox(storage);
    const poller = new Poller({ mmd, storage, subscriptions, outbox, now: () => new Date() });
    const target = (key: string): NotifyTarget => ({
      key,
      conversationId: key,
      kind: 'personal',
      tenantId: e.tenantId,
      serviceUrl: connector.url,
    });

    const baseline = await measured(() => poller.poll(), calls);
    const ids = Object.keys((await storage.get<{ tickets: Record<string, unknown> }>(notifyKeys.snapshot))?.value.tickets ?? {});
    if (ids.length < FOLLOWERS + 1) throw new Error(`the emulator listed ${ids.length} tickets`);
    const at = new Date();
    for (let i = 0; i < FOLLOWERS; i++) await subscriptions.subscribe(ids[i]!, target(`follower-${i}`), 'bench', at);
    // The first poll after subscribing fetches the new followers' notes (bounded per poll); let it settle.
    await poller.poll();
    const steady = await measured(() => poller.poll(), calls);
    const admin = (id: string, change: object) =>
      fetch(`${e.url}/_emulator/tickets/${encodeURIComponent(id)}/changes`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(change),
      }).then((res) => {
        if (!res.ok) throw new Error(`ticket change answered ${res.status}`);
      });
    for (let i = 0; i < CHANGED; i++) await admin(ids[i]!, { severity: (i % 4) + 1 === 4 ? 3 : 4 });
    const changed = await measured(() => poller.poll(), calls);
    log(
      `  notify poll: baseline ${baseline.cpuMs} ms CPU / ${baseline.apiCalls} calls, steady ${steady.cpuMs} / ${steady.apiCalls}, ${CHANGED} changed ${changed.cpuMs} / ${changed.apiCalls} (${changed.result.events} events)`,
    );

    const limiter = new RateLimiter(teamsLimits(MAX_PER_SECOND));
    const delivery = new Delivery({
      outbox,
      subscriptions,
      settings: new SettingsStore(storage),
      messages: new MessageStore(storage),
      sender: httpSender(),
      limiter,
      now: () => new Date(),
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    });
    // The 100 single-follower changes first, then the fan-out on its own.
    await delivery.deliverPending();
    const fanTicket = ids[FOLLOWERS]!;
    for (let i = 0; i < FAN_OUT; i++) await subscriptions.subscribe(fanTicket, target(`fan-${i}`), 'bench', at);
    await poller.poll();
    await admin(fanTicket, { severity: 1 });
    await poller.poll();
    const accepted0 = connector.accepted;
    connector.firstAt = 0;
    const fan = await measured(() => delivery.deliverPending(), calls);
    const sent = connector.accepted - accepted0;
    const spanS = (connector.lastAt - connector.firstAt) / 1000;
    const perSecond = spanS > 0 ? r1((sent - 1) / spanS) : 0;
    log(
      `  notify fan-out: ${sent} sends in ${r1(fan.wallMs / 1000)} s, ${perSecond}/s, ${connector.throttled} answered 429, ${fan.cpuMs} ms CPU`,
    );
    // After the fan-out: the notes it posts would otherwise be news to the followers above too.
    const notes = await noteLatency(e, mmd, connector.url);
    log(
      `  notify note latency: ${notes.arrived} of ${notes.openFollowed} notes within ${notes.worstPolls} polls (${notes.worstSeconds} s at ${notes.pollSeconds} s polls), ${notes.notesCallsPerPoll} notes calls per poll`,
    );
    return {
      measured: true as const,
      note: 'src/notify driven directly (not yet wired into the app); the emulator runs in its own process; fan-out CPU includes the fake connector (same process).',
      poll: {
        tickets: ids.length,
        followedTickets: FOLLOWERS,
        baseline: { cpuMs: baseline.cpuMs, wallMs: baseline.wallMs, apiCalls: baseline.apiCalls },
        nothingChanged: { cpuMs: steady.cpuMs, wallMs: steady.wallMs, apiCalls: steady.apiCalls },
        followedChanged: {
          changed: CHANGED,
          events: changed.result.events,
          cpuMs: changed.cpuMs,
          wallMs: changed.wallMs,
          apiCalls: changed.apiCalls,
        },
      },
      notes,
      fanOut: {
        conversations: FAN_OUT,
        sent,
        report: fan.result,
        seconds: r1(fan.wallMs / 1000),
        perSecond,
        ceilingPerSecond: MAX_PER_SECOND,
        ofCeiling: r1((perSecond / MAX_PER_SECOND) * 100) / 100,
        throttled429: connector.throttled,
        cpuMs: fan.cpuMs,
        cpuMsPerSend: sent ? Math.round((fan.cpuMs / sent) * 100) / 100 : undefined,
      },
    };
  } finally {
    emulator.stop();
    await connector.stop();
  }
}
