/** Calls the tab's JSON API with the Teams SSO token. Errors carry the server's stable code. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export type TokenSource = () => Promise<string>;

export function createApi(getToken: TokenSource) {
  async function call<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
    const token = await getToken();
    let response: Response;
    try {
      response = await fetch(`/api/tab/${path}`, {
        method,
        headers: {
          Authorization: `Bearer ${token}`,
          Accept: 'application/json',
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch {
      throw new ApiError(0, 'network', 'The server could not be reached. Check your connection and try again.');
    }
    const data = (await response.json().catch(() => ({}))) as { error?: string; message?: string };
    if (!response.ok) throw new ApiError(response.status, data.error ?? 'error', data.message ?? `The server answered ${response.status}.`);
    return data as T;
  }
  return {
    get: <T>(path: string) => call<T>('GET', path),
    post: <T>(path: string, body: unknown) => call<T>('POST', path, body),
  };
}

export type Api = ReturnType<typeof createApi>;

/** The next step a person can take, by error code. */
export function nextStep(error: unknown): string {
  if (!(error instanceof ApiError)) return error instanceof Error ? error.message : String(error);
  switch (error.code) {
    case 'consent_required':
      return `${error.message} (Consent needed: ask your admin.)`;
    case 'interaction_required':
    case 'unauthorized':
      return `${error.message} Sign in again: close and reopen the tab.`;
    default:
      return error.message;
  }
}
