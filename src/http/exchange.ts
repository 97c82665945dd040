import { Agent as HttpAgent, request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { ResponseHeaders } from './request';

/**
 * One HTTP exchange over node:http/https with keep-alive agents, instead of fetch (undici):
 * measured about 0.4 ms of CPU less per call (issue 15). Redirects are not followed (a 3xx is
 * the caller's failure, so a token never travels to another address); the signal aborts the
 * exchange at any point, body included.
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
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.once('error', reject);
      res.once('aborted', () => reject(Object.assign(new Error('the connection closed mid-answer'), { code: 'ECONNRESET' })));
      res.once('end', () => resolve({ status: res.statusCode ?? 0, headers: headerReader(res.headers), text: Buffer.concat(chunks).toString('utf8') }));
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
