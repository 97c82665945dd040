/**
 * The one error type of the emulator. Every failure the emulator answers with goes out in the
 * documents' shape: `{"error":{"code":"<status>","message":"..."}}`, the code a string.
 */
export class EmulatorError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'EmulatorError';
  }

  body(): ErrorBody {
    return errorBody(this.status, this.message);
  }
}

export interface ErrorBody {
  error: { code: string; message: string };
}

export function errorBody(status: number, message: string): ErrorBody {
  return { error: { code: String(status), message } };
}

export const badRequest = (message: string): EmulatorError => new EmulatorError(400, message);
export const notFound = (message: string): EmulatorError => new EmulatorError(404, message);
