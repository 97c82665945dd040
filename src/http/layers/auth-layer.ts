import type { Logger } from '../../log/logger';
import { isApiError, type ApiProfile } from '../api-error';
import type { Layer, SendRequest } from '../request';
import type { TokenProvider } from '../token-provider';

/**
 * Adds the bearer token. A 401 means the service rejected the token before doing anything
 * (it may have expired or been revoked server-side while still in our cache), so one retry with a
 * freshly acquired token is safe for every method, POST included. A token failure becomes this
 * API's error class (code `token_error`), so callers handle one type per API.
 */
export function authLayer(options: { tokenProvider: TokenProvider; profile: ApiProfile; logger?: Logger }): Layer {
  const { profile } = options;
  async function token(request: SendRequest, forceRefresh: boolean): Promise<string> {
    try {
      return await options.tokenProvider.getToken({ forceRefresh, signal: request.signal });
    } catch (error) {
      // The token provider is shared by APIs; its failure is reworded as this API's error.
      if (isApiError(error) && !profile.owns(error)) throw profile.create(error.init());
      throw error;
    }
  }
  return (next) => async (request) => {
    const bearer = await token(request, false);
    try {
      return await next({ ...request, headers: { ...request.headers, Authorization: `Bearer ${bearer}` } });
    } catch (error) {
      if (!isApiError(error) || !profile.owns(error) || error.status !== 401) throw error;
      options.logger?.info(
        { method: request.method, path: error.path },
        `${profile.service} answered 401; retrying once with a fresh token`,
      );
      const fresh = await token(request, true);
      return next({ ...request, headers: { ...request.headers, Authorization: `Bearer ${fresh}` } });
    }
  };
}
