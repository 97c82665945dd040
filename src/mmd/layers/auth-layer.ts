import type { Logger } from '../../log/logger';
import { MmdApiError } from '../mmd-api-error';
import type { Layer } from '../send';
import type { TokenProvider } from '../token-provider';

/**
 * Adds the bearer token. A 401 means the service rejected the token before doing anything
 * (it may have expired or been revoked server-side while still in our cache), so one retry with a
 * freshly acquired token is safe for every method, POST included.
 */
export function authLayer(options: { tokenProvider: TokenProvider; logger?: Logger }): Layer {
  return (next) => async (request) => {
    const token = await options.tokenProvider.getToken();
    try {
      return await next({ ...request, headers: { ...request.headers, Authorization: `Bearer ${token}` } });
    } catch (error) {
      if (!(error instanceof MmdApiError) || error.status !== 401) throw error;
      options.logger?.info({ method: request.method, path: error.path }, 'MMD answered 401; retrying once with a fresh token');
      const fresh = await options.tokenProvider.getToken({ forceRefresh: true });
      return next({ ...request, headers: { ...request.headers, Authorization: `Bearer ${fresh}` } });
    }
  };
}
