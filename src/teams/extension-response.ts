import { CardFactory, type MessagingExtensionActionResponse, type MessagingExtensionResponse } from 'botbuilder';
import type { ExtensionReply, ResultItem } from '../bot/extensions/extension-reply';

const THUMBNAIL = 'application/vnd.microsoft.card.thumbnail';

export interface ExtensionOptions {
  /**
   * Keep the previews' `tap` (Teams then asks for the chosen result's full card with
   * composeExtension/selectItem). False for the Agents Playground, which refuses any result list
   * with a tap ("tap action is not supported yet"): there the list's own card is inserted.
   */
  selectTap: boolean;
}

function attachment(item: ResultItem, options: ExtensionOptions) {
  const { tap, ...preview } = item.preview;
  const content = options.selectTap && tap !== undefined ? { ...preview, tap } : preview;
  return { ...CardFactory.adaptiveCard(item.card), preview: { contentType: THUMBNAIL, content } };
}

/**
 * The invoke response body Teams expects for a message extension: `composeExtension` (a result
 * list or a message) or, in a dialog, `task` (`continue` with a card, or a `message`).
 */
export function extensionResponse(
  reply: ExtensionReply,
  options: ExtensionOptions = { selectTap: true },
): MessagingExtensionResponse & MessagingExtensionActionResponse {
  switch (reply.kind) {
    case 'results':
      return {
        composeExtension: { type: 'result', attachmentLayout: 'list', attachments: reply.items.map((item) => attachment(item, options)) },
      };
    case 'message':
      return { composeExtension: { type: 'message', text: reply.text } };
    case 'dialog':
      return {
        task: {
          type: 'continue',
          value: { title: reply.title, card: CardFactory.adaptiveCard(reply.card), height: 'large', width: 'large' },
        },
      };
    case 'dialogMessage':
      return { task: { type: 'message', value: reply.text } };
    case 'signIn':
      // Teams shows a sign-in link in the extension; after the page, it sends the invoke again with `state`.
      return {
        composeExtension: {
          type: 'auth',
          suggestedActions: { actions: [{ type: 'openUrl', value: reply.url, title: 'Sign in to MMD Assist' }] },
        },
      };
  }
}
