/**
 * The most an API answer (MMD, Graph, the token endpoints) may hold, counted as its bytes
 * arrive: past it the connection is dropped and the call fails with `too_large`, so a runaway or
 * hostile answer can neither exhaust memory nor stall a turn. Process-wide (it bounds this
 * process's memory); set once at start from API_MAX_ANSWER_MB.
 */
let limitBytes = 8 * 1024 * 1024;

export function answerLimitBytes(): number {
  return limitBytes;
}

export function setAnswerLimitBytes(bytes: number): void {
  limitBytes = bytes;
}

/** The error a reader raises past the limit; transport.ts words it for the API. */
export class AnswerTooLargeError extends Error {
  readonly code = 'EANSWERTOOLARGE';
  constructor(
    readonly limit: number,
    readonly status: number,
  ) {
    super(`the answer is larger than ${limit} bytes`);
    this.name = 'AnswerTooLargeError';
  }
}

/** "8 MB" for a limit in bytes. */
export function limitText(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / (1024 * 1024))} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

/** A fetch Response's body as text, read with the limit (MSAL's token calls). */
export async function readCapped(response: Response): Promise<string> {
  const limit = answerLimitBytes();
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (declared > limit) {
    await response.body?.cancel();
    throw new AnswerTooLargeError(limit, response.status);
  }
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw new AnswerTooLargeError(limit, response.status);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}
