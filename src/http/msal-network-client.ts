import type { INetworkModule, NetworkRequestOptions, NetworkResponse } from '@azure/msal-node';
import { readCapped } from './answer-limit';

/**
 * MSAL's HTTP client replaced by fetch with a deadline: MSAL's default waits about 300 s for a
 * token endpoint that never answers, which would hang a chat turn.
 */
export function createFetchNetworkClient(options: { timeoutMs: number; fetch: typeof fetch }): INetworkModule {
  async function send<T>(url: string, method: 'GET' | 'POST', request?: NetworkRequestOptions): Promise<NetworkResponse<T>> {
    const response = await options.fetch(url, {
      method,
      headers: request?.headers,
      body: method === 'POST' ? request?.body : undefined,
      signal: AbortSignal.timeout(options.timeoutMs),
    });
    const text = await readCapped(response);
    let body: unknown = {};
    try {
      body = text ? JSON.parse(text) : {};
    } catch {
      // Not JSON: MSAL sees an empty object and reports the status as a server error.
    }
    const headers: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      headers[name] = value;
    });
    // MSAL validates the body itself (it is its network contract); this cast only names the
    // generic type it asked for.
    return { status: response.status, headers, body: body as T };
  }
  return {
    sendGetRequestAsync: <T>(url: string, request?: NetworkRequestOptions) => send<T>(url, 'GET', request),
    sendPostRequestAsync: <T>(url: string, request?: NetworkRequestOptions) => send<T>(url, 'POST', request),
  };
}
