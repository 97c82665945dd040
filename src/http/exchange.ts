import { Agent as HttpAgent, request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { AnswerTooLargeError, answerLimitBytes } from './answer-limit';
import type { ResponseHeaders } from './request';

/**
 * One HTTP exchange over node:http/https with keep-alive agents, instead of fetch (undici),
 * which costs more CPU per call. Redirects are not followed (a 3xx is
 * the caller's failure, so a token never travels to another address); the signal aborts the
 * exchange at any point, body included; an answer past answerLimitBytes() is dropped.
 */
export interface Exchange {
  status: number;
  headers: ResponseHeaders;
  text: string;
}

export interface ExchangeRequest {
  method: string;
  headers: Record<string, string>;
  body?: string;
  signal?: AbortSignal;
}

// Shared by every client: one pool of warm connections per origin. Node's agent drops an idle
// socket a second before the server's Keep-Alive timeout hint, so a reused socket is not one
// the server is closing; free sockets are unref'd and never hold the process open.
const agents = {
  http: new HttpAgent({ keepAlive: true, maxSockets: 64 }),
  https: new HttpsAgent({ keepAlive: true, maxSockets: 64 }),
};

export function exchange(url: string, init: ExchangeRequest): Promise<Exchange> {
  const target = new URL(url);
  const secure = target.protocol === 'https:';
  const send = secure ? httpsRequest : httpRequest;
  return new Promise<Exchange>((resolve, reject) => {
    const headers: Record<string, string | number> = { ...init.headers };
    if (init.body !== undefined) headers['Content-Length'] = Buffer.byteLength(init.body);
    const req = send(target, { method: init.method, headers, agent: secure ? agents.https : agents.http, signal: init.signal }, (res) => {
      const chunks: Buffer[] = [];
      const limit = answerLimitBytes();
      const tooLarge = () => {
        // Dropped, not drained: the connection is never reused, nothing more is read.
        reject(new AnswerTooLargeError(limit, res.statusCode ?? 0));
        res.destroy();
      };
      if (Number(res.headers['content-length'] ?? NaN) > limit) return tooLarge();
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > limit) return tooLarge();
        chunks.push(chunk);
      });
      const cut = () => reject(Object.assign(new Error('the connection closed mid-answer'), { code: 'ECONNRESET' }));
      res.once('error', reject);
      res.once('aborted', cut);
      // Whatever else happens, a body that never completes settles the call (a later reject is a no-op).
      res.once('close', () => {
        if (!res.complete) cut();
      });
      res.once('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: headerReader(res.headers), text: Buffer.concat(chunks).toString('utf8') }),
      );
    });
    req.once('error', reject);
    req.end(init.body);
  });
}

function headerReader(headers: IncomingHttpHeaders): ResponseHeaders {
  return {
    get(name) {
      const value = headers[name.toLowerCase()];
      if (value === undefined) return null;
      return Array.isArray(value) ? value.join(', ') : value;
    },
  };
}
