import { MmdApiError } from '../../src/mmd/mmd-api-error';

/** The MmdApiError a call rejects with; fails the test if it resolves or throws anything else. */
export async function failure(promise: Promise<unknown>): Promise<MmdApiError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof MmdApiError) return error;
    throw error;
  }
  throw new Error('expected an MmdApiError');
}
