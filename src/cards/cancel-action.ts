import type { FormOrigin } from '../protocol/views';
import { execute, executeView, type ExecuteAction } from './card-action';

/**
 * A form's Cancel: back to the card the form was opened from (its verb and data, so a list comes
 * back with its filters and page), or, for a form opened by a typed command, a short
 * "Cancelled" card. Nothing typed is sent and nothing is created or changed.
 */
export function cancelAction(from: FormOrigin | undefined, changes = false): ExecuteAction {
  if (from) return executeView('Cancel', from);
  return execute('Cancel', 'form.cancel', changes ? { changed: true } : {}, { ignoreInputs: true });
}
