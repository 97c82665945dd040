/** Request body checks of the Graph routes: zod failures become Graph's 400 naming the property. */
import type { ZodType } from 'zod';
import { graphBadRequest } from './errors';

function shown(input: unknown): string {
  const text = typeof input === 'string' ? input : (JSON.stringify(input) ?? String(input));
  return text.length > 80 ? `${text.slice(0, 80)}...` : text;
}

export function graphValidate<T>(schema: ZodType<T>, body: unknown, what: string): T {
  if (body === undefined || body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw graphBadRequest(`Empty or invalid payload: the request body must be a JSON object describing the ${what}.`);
  }
  const result = schema.safeParse(body, { reportInput: true });
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const property = issue.path.join('.') || what;
  if (issue.code === 'invalid_value') {
    throw graphBadRequest(
      `Invalid value '${shown(issue.input)}' for property '${property}'. Allowed values: ${issue.values.map(String).join(', ')}.`,
    );
  }
  if (issue.code === 'unrecognized_keys') {
    throw graphBadRequest(`Property '${issue.keys.join(', ')}' does not exist or cannot be set on type '${what}'.`);
  }
  throw graphBadRequest(`Invalid value for property '${property}': ${issue.message.charAt(0).toLowerCase()}${issue.message.slice(1)}.`);
}
