import type { IncomingMessage } from 'node:http';
import { RequestProblem } from './request-problem';

/**
 * Reads a JSON request body with a hard cap on the bytes received.
 *
 * Compressed bodies are refused (415) rather than inflated: the Bot Connector and Teams post
 * plain JSON, and an inflater is exactly what made one request able to kill the process (a
 * broken gzip stream) or fill the memory (a 239 KB gzip bomb inflating to 240 MB). Not decoding
 * at all leaves nothing to bound. `allowEmpty`: no body at all reads as undefined (the tab's
 * posts, whose fields the use case checks).
 */
export async function readJsonBody(req: IncomingMessage, maxBytes: number, options: { allowEmpty?: boolean } = {}): Promise<unknown> {
  const encoding = (req.headers['content-encoding'] ?? '').trim().toLowerCase();
  if (encoding && encoding !== 'identity') {
    throw new RequestProblem(415, 'Compressed request bodies are not accepted; send plain JSON.');
  }
  if (!isJsonContentType(req.headers['content-type'])) {
    throw new RequestProblem(415, 'The request body must be application/json.');
  }
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) {
    throw new RequestProblem(413, `The request body is larger than ${maxBytes} bytes.`);
  }
  const raw = await readCapped(req, maxBytes);
  if (raw.length === 0 && options.allowEmpty) return undefined;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(raw);
  } catch {
    throw new RequestProblem(400, 'The request body is not valid UTF-8.');
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new RequestProblem(400, 'The request body is not valid JSON.');
  }
}

/** application/json (any case, any parameters) with no charset or a UTF-8 one. */
function isJsonContentType(header: string | undefined): boolean {
  if (!header) return false;
  const [type, ...params] = header.split(';').map((part) => part.trim().toLowerCase());
  if (type !== 'application/json') return false;
  const charset = params
    .find((p) => p.startsWith('charset='))
    ?.slice('charset='.length)
    .replace(/"/g, '');
  return charset === undefined || charset === 'utf-8' || charset === 'utf8';
}

function readCapped(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (error?: Error) => {
      if (done) return;
      done = true;
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      if (error) {
        // Keep discarding what the client still sends, so it reads our answer instead of a reset.
        req.on('error', () => undefined);
        req.resume();
        reject(error);
      } else {
        resolve(Buffer.concat(chunks, size));
      }
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        chunks.length = 0;
        finish(new RequestProblem(413, `The request body is larger than ${maxBytes} bytes.`));
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => finish();
    const onError = () => finish(new RequestProblem(400, 'The request body could not be read.'));
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
  });
}
