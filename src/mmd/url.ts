import { segment as encodeSegment } from '../http/url';
import { MMD_PROFILE } from './mmd-api-error';

/** One MMD path segment (device name, UPN); an empty or dot-only name is an MmdApiError. */
export function segment(value: string, method = 'GET'): string {
  return encodeSegment(value, MMD_PROFILE, method);
}
