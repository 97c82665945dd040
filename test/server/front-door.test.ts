/**
 * restify builds each request's URL from its Host header with `new URL`, outside any handler: a
 * Host such as `a b` threw an uncaught exception and stopped the process. The front door in
 * restifyServer answers those 400 before restify sees them, on the bot's server and the emulator's.
 */
import { connect } from 'node:net';
import { startEmulator } from '../../src/emulator/emulator';
import type { RunningEmulator } from '../../src/emulator/types';
import { createLogger } from '../../src/log/logger';
import { createServer, type BotServer } from '../../src/server/server';

function raw(port: number, request: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(request));
    let answer = '';
    socket.on('data', (d: Buffer) => (answer += d.toString('latin1')));
    socket.on('error', () => undefined);
    socket.setTimeout(2_000, () => socket.destroy());
    socket.on('close', () => resolve(answer));
  });
}

const BAD = [
  'GET /healthz HTTP/1.1\r\nHost: [bad\r\n\r\n',
  'GET /healthz HTTP/1.1\r\nHost: a b\r\n\r\n',
  'GET /healthz HTTP/1.1\r\nHost: x:99999\r\n\r\n',
  'GET /healthz HTTP/1.1\r\nHost: %zz\r\n\r\n',
  'GET http://[::1/healthz HTTP/1.1\r\nHost: x\r\n\r\n',
  'POST /api/messages HTTP/1.1\r\nHost: a b\r\nExpect: 100-continue\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}',
];

describe('requests restify cannot parse', () => {
  const crashes: unknown[] = [];
  const onCrash = (err: unknown) => crashes.push(err);
  let bot: BotServer;
  let botPort: number;
  let emulator: RunningEmulator;

  beforeAll(async () => {
    process.on('uncaughtException', onCrash);
    bot = createServer({ onActivity: async () => ({ status: 200 }), logger: createLogger({ level: 'silent' }), health: () => ({}) });
    botPort = await bot.listen(0, '127.0.0.1');
    emulator = await startEmulator({ port: 0 });
  });
  afterAll(async () => {
    await bot?.close(100);
    await emulator?.close();
    process.off('uncaughtException', onCrash);
  });

  it.each(BAD.map((request) => [JSON.stringify(request.split('\r\n').slice(0, 2).join(' | ')), request]))(
    'answers %s 400 on both servers, and both still serve',
    async (_name, request) => {
      const emulatorPort = Number(new URL(emulator.url).port);
      for (const port of [botPort, emulatorPort]) {
        expect(await raw(port, request)).toMatch(/^HTTP\/1\.1 400/);
      }
      expect((await fetch(`http://127.0.0.1:${botPort}/healthz`)).status).toBe(200);
      expect((await fetch(`${emulator.url}/common/discovery/instance`)).status).toBe(200);
      expect(crashes).toEqual([]);
    },
  );
});
