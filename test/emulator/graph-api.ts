/** Calls the emulated Graph (relative to graphBaseUrl) over real HTTP with the harness's token. */
import { readAnswer, type Answer, type Harness } from './emulator-harness';

export interface GraphErrorShape {
  error: { code: string; message: string; innerError: { date: string; 'request-id': string; 'client-request-id': string } };
}

export function graphApi(h: Harness) {
  return async <T = Record<string, unknown>>(path: string, init: RequestInit & { auth?: string | null } = {}): Promise<Answer<T>> => {
    const { auth, ...rest } = init;
    const headers: Record<string, string> = { accept: 'application/json' };
    if (auth !== null) headers.authorization = auth ?? `Bearer ${h.token}`;
    if (rest.body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${h.emulator.graphBaseUrl}${path}`, {
      ...rest,
      headers: { ...headers, ...(rest.headers ?? {}) },
    });
    return readAnswer<T>(response);
  };
}

/** Graph's documented error body: a word code, a message, innerError with date and request ids. */
export function expectGraphError(answer: Answer<unknown>, status: number, code: string): GraphErrorShape {
  expect(answer.status).toBe(status);
  const body = answer.body as GraphErrorShape;
  expect(body).toEqual({
    error: {
      code,
      message: expect.any(String),
      innerError: {
        date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/),
        'request-id': expect.any(String),
        'client-request-id': expect.any(String),
      },
    },
  });
  return body;
}
