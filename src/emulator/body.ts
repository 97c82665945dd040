/** Reads a request body (JSON or form) with a size limit, into the documented error shape on failure. */
import type { IncomingMessage } from 'node:http';
import { EmulatorError, badRequest } from './errors';

const MAX_BODY_BYTES = 64 * 1024;

export function readBody(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    req.on('data', (chunk: Buffer) => {
      if (failed) return;
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        failed = true;
        reject(new EmulatorError(413, `The request body is larger than ${MAX_BODY_BYTES} bytes.`));
        return;
      }
      chunks.push(chunk);
    });
    req.on('error', (error) => {
      if (!failed) reject(error);
    });
    req.on('end', () => {
      if (failed) return;
      const text = Buffer.concat(chunks).toString('utf8');
      if (text.trim() === '') return resolve(undefined);
      const type = (req.headers['content-type'] ?? '').toLowerCase();
      if (type.includes('application/x-www-form-urlencoded')) {
        return resolve(Object.fromEntries(new URLSearchParams(text)));
      }
      try {
        resolve(JSON.parse(text) as unknown);
      } catch {
        reject(badRequest('The request body is not valid JSON.'));
      }
    });
  });
}
