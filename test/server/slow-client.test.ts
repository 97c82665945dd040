import { connect, type Socket } from 'node:net';
import { createLogger } from '../../src/log/logger';
import { checkingIntervalFor, createServer, type BotServer } from '../../src/server/server';

/**
 * Issue 20 item 5: a client that trickles its headers or body is cut at the configured limit,
 * not at node:http's next 30 s connection check. Short limits here so the test runs in seconds.
 */
describe('slow clients are cut at the configured header and body timeouts', () => {
  const headersTimeoutMs = 600;
  const requestTimeoutMs = 1_200;
  let bot: BotServer;
  let port: number;

  beforeAll(async () => {
    bot = createServer({
      onActivity: async () => ({ status: 200 }),
      logger: createLogger({ level: 'silent' }),
      health: () => ({}),
      headersTimeoutMs,
      requestTimeoutMs,
    });
    port = await bot.listen(0, '127.0.0.1');
  });
  afterAll(async () => {
    await bot?.close(100);
  });

  /** Opens a socket, writes `first`, then one byte every 100 ms; resolves with ms until the server closed it and what it said. */
  function trickle(first: string): Promise<{ ms: number; answer: string }> {
    return new Promise((resolve, reject) => {
      const started = Date.now();
      const socket: Socket = connect(port, '127.0.0.1');
      let answer = '';
      const drip = setInterval(() => socket.writable && socket.write('a'), 100);
      socket.on('connect', () => socket.write(first));
      socket.on('data', (d: Buffer) => (answer += d.toString('latin1')));
      socket.on('error', () => undefined);
      socket.on('close', () => {
        clearInterval(drip);
        clearTimeout(guard);
        resolve({ ms: Date.now() - started, answer });
      });
      const guard = setTimeout(() => {
        clearInterval(drip);
        socket.destroy();
        reject(new Error('server never cut the slow client'));
      }, 10_000);
    });
  }

  it('cuts a client still sending headers at the headers timeout', async () => {
    const { ms, answer } = await trickle('POST /api/messages HTTP/1.1\r\nHost: x\r\nX-Slow: ');
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
    expect(ms).toBeGreaterThanOrEqual(headersTimeoutMs - 50);
    expect(ms).toBeLessThan(headersTimeoutMs * 1.5 + 200);
  });

  it('cuts a client still sending its body at the request timeout', async () => {
    const { ms } = await trickle(
      'POST /api/messages HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n',
    );
    expect(ms).toBeGreaterThanOrEqual(requestTimeoutMs - 50);
    expect(ms).toBeLessThan(requestTimeoutMs * 1.5 + 200);
  });

  it('checks often enough that the real limits (20 s / 60 s) overshoot by at most 1 s', () => {
    expect(checkingIntervalFor(20_000, 60_000)).toBe(1_000);
    expect(checkingIntervalFor(600, 1_200)).toBe(60);
  });
});
