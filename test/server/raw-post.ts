import { request } from 'node:http';

export interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

/**
 * POSTs exact bytes with exact headers over node:http (fetch would add or fix headers). With
 * `chunked`, no Content-Length is sent. A connection the server closes after answering still
 * yields the answer; a request with no answer at all rejects.
 */
export function rawPost(
  url: string,
  options: { headers?: Record<string, string>; body?: Buffer | string; chunked?: boolean },
): Promise<RawAnswer> {
  const body = typeof options.body === 'string' ? Buffer.from(options.body) : (options.body ?? Buffer.alloc(0));
  const headers: Record<string, string> = { ...options.headers };
  if (!options.chunked) headers['content-length'] = String(body.length);
  return new Promise((resolve, reject) => {
    let answered = false;
    const req = request(url, { method: 'POST', headers }, (res) => {
      answered = true;
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', (err) => {
      if (!answered) reject(err);
    });
    // Written in pieces so a large body streams (and a chunked one really is chunked).
    const piece = 64 * 1024;
    for (let i = 0; i < body.length; i += piece) req.write(body.subarray(i, i + piece));
    req.end();
  });
}
