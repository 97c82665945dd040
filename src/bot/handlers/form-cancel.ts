import { say, type Reply } from '../reply';
import type { Turn } from '../turn';
import type { BotDeps } from '../deps';
import type { VerbData } from '../../protocol/verbs';

/** Cancel on a form with no card to go back to (opened by a typed command): the form goes, nothing is sent. */
export async function cancelForm(_turn: Turn, data: VerbData<'form.cancel'>, _deps: BotDeps): Promise<Reply> {
  return say(data.changed ? 'Cancelled, nothing was changed.' : 'Cancelled, nothing was created.');
}
