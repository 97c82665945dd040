import { searchPreviewCard } from '../../cards/search-preview-card';
import { stillLoadingCard } from '../../cards/still-loading-card';
import type { Turn } from '../turn';
import { dialogMessage, results, type ExtensionReply } from './extension-reply';

/** A result list's answer when the MMD API is slower than Teams waits: a card, not a timeout. */
export function stillLoading(turn: Turn, what: string): ExtensionReply {
  return results([
    {
      preview: searchPreviewCard({ title: 'Still loading, try again', text: `${what} is taking longer than Teams waits.` }),
      card: stillLoadingCard({ what, correlationId: turn.correlationId }),
    },
  ]);
}

/** The same for a dialog (action commands): a message in the dialog. */
export function stillLoadingDialog(turn: Turn, what: string): ExtensionReply {
  return dialogMessage(`${what} is taking longer than Teams waits. Try again in a moment. (Reference: ${turn.correlationId})`);
}
