import { Agent, request } from 'node:http';

/** One turn to send: the activity body and how to tell a good answer. */
export interface Turn {
  body: string;
  /** Message turns answer 200 with an empty body (the reply goes to the connector); invokes answer a card. */
  invoke: boolean;
}

export interface TurnResult {
  ok: boolean;
  status: number;
  latencyMs: number;
}

const agent = new Agent({ keepAlive: true, maxSockets: 64 });
let resent = 0;

/** How many turns were sent again after a reused socket's reset (the soak reports it). */
export function resentTurns(): number {
  return resent;
}

/**
 * POSTs one activity over a keep-alive connection. A kept-alive socket the server closed as it
 * was reused fails with ECONNRESET before the request reached the bot; that one is sent again
 * on a new socket, as browsers and the Bot Connector do (node's http docs, `request.reusedSocket`).
 */
export function sendTurn(url: string, turn: Turn): Promise<TurnResult> {
  const start = performance.now();
  return new Promise((resolve) => send(url, turn, start, resolve, true));
}

function send(url: string, turn: Turn, start: number, resolve: (result: TurnResult) => void, mayResend: boolean): void {
  const req = request(
    url,
    { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(turn.body) } },
    (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const status = res.statusCode ?? 0;
        let ok = status === 200;
        if (ok && turn.invoke) {
          try {
            const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { statusCode?: number; type?: string };
            ok = body.statusCode === 200 && typeof body.type === 'string';
          } catch {
            ok = false;
          }
        }
        resolve({ ok, status, latencyMs: performance.now() - start });
      });
    },
  );
  req.on('error', (err: NodeJS.ErrnoException) => {
    if (mayResend && req.reusedSocket && err.code === 'ECONNRESET') {
      resent++;
      return send(url, turn, start, resolve, false);
    }
    resolve({ ok: false, status: 0, latencyMs: performance.now() - start });
  });
  req.end(turn.body);
}

export interface ClosedLoopResult {
  turns: number;
  failures: number;
  elapsedMs: number;
  statuses: Record<string, number>;
}

/** As fast as the bot answers, `concurrency` turns in flight, for `durationMs` (or `maxTurns`). */
export async function closedLoop(
  url: string,
  next: (i: number) => Turn,
  durationMs: number,
  concurrency: number,
  maxTurns = Infinity,
): Promise<ClosedLoopResult> {
  const start = performance.now();
  let issued = 0;
  let turns = 0;
  let failures = 0;
  const statuses: Record<string, number> = {};
  const worker = async () => {
    while (performance.now() - start < durationMs && issued < maxTurns) {
      const r = await sendTurn(url, next(issued++));
      turns++;
      if (!r.ok) {
        failures++;
        statuses[String(r.status)] = (statuses[String(r.status)] ?? 0) + 1;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { turns, failures, elapsedMs: performance.now() - start, statuses };
}

export interface OpenLoopResult {
  turns: number;
  failures: number;
  /** Latency from the scheduled send time (so a stalled bot is not hidden by a stalled sender). */
  latenciesMs: number[];
  statuses: Record<string, number>;
}

/** A fixed arrival rate, whatever the bot does: `rate` turns/s for `durationMs`. */
export async function openLoop(url: string, next: (i: number) => Turn, rate: number, durationMs: number): Promise<OpenLoopResult> {
  const total = Math.round((rate * durationMs) / 1000);
  const interval = 1000 / rate;
  const start = performance.now();
  const latenciesMs: number[] = [];
  const statuses: Record<string, number> = {};
  let failures = 0;
  const pending: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = start + i * interval;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    const turn = next(i);
    pending.push(
      sendTurn(url, turn).then((r) => {
        latenciesMs.push(performance.now() - due);
        if (!r.ok) {
          failures++;
          statuses[String(r.status)] = (statuses[String(r.status)] ?? 0) + 1;
        }
      }),
    );
  }
  await Promise.all(pending);
  return { turns: total, failures, latenciesMs, statuses };
}

/** The q-quantile (0..1) of `values`, nearest rank. */
export function quantile(values: number[], q: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

export function median(values: number[]): number {
  return quantile(values, 0.5);
}
