import { Writable } from 'node:stream';
import { createLogger } from '../../src/log/logger';
import { MmdApiError } from '../../src/mmd/mmd-api-error';

/** One shape for every logged error: `{ err }` through pino's serializer (src/log/logger.ts errorFields). */
function capture() {
  const lines: Array<Record<string, unknown>> = [];
  const destination = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  return { logger: createLogger({ level: 'debug', destination }), lines };
}

test('an Error is its type, message, code and stack, never its other properties', async () => {
  const { logger, lines } = capture();
  const err = Object.assign(new TypeError('socket hang up'), {
    code: 'ECONNRESET',
    config: { headers: { Authorization: 'Bearer eyJ.secret.sig' } },
  });
  logger.warn({ err }, 'call failed');
  await new Promise((r) => setImmediate(r));
  const logged = lines[0]!.err as Record<string, unknown>;
  expect(logged).toEqual({
    type: 'TypeError',
    message: 'socket hang up',
    code: 'ECONNRESET',
    stack: expect.stringContaining('socket hang up'),
  });
  expect(JSON.stringify(lines)).not.toContain('eyJ.secret.sig');
});

test('an ApiError is what its toJSON says (no headers, tokens or bodies); a thrown string or object is its text', async () => {
  const { logger, lines } = capture();
  const api = new MmdApiError({
    status: 503,
    code: 'server_error',
    method: 'GET',
    path: 'devices',
    serviceMessage: 'busy',
    retryable: true,
  });
  logger.warn({ err: api }, 'api');
  logger.warn({ err: 'plain text' }, 'string');
  logger.warn({ err: { message: 'from an object' } }, 'object');
  logger.warn({ err: { nothing: 1 } }, 'object without message');
  await new Promise((r) => setImmediate(r));
  expect(lines[0]!.err).toEqual(JSON.parse(JSON.stringify(api.toJSON())));
  expect(lines[0]!.err).not.toHaveProperty('stack');
  expect(lines.slice(1).map((l) => l.err)).toEqual([
    { message: 'plain text' },
    { message: 'from an object' },
    { message: 'a non-error object was thrown' },
  ]);
});
