import { CardFactory, type MessagingExtensionActionResponse, type MessagingExtensionResponse } from 'botbuilder';
import type { ExtensionReply, ResultItem } from '../bot/extensions/extension-reply';

const THUMBNAIL = 'application/vnd.microsoft.card.thumbnail';

function attachment(item: ResultItem) {
  return { ...CardFactory.adaptiveCard(item.card), preview: { contentType: THUMBNAIL, content: item.preview } };
}

/**
 * The invoke response body Teams expects for a message extension: `composeExtension` (a result
 * list or a message) or, in a dialog, `task` (`continue` with a card, or a `message`).
 */
export function extensionResponse(reply: ExtensionReply): MessagingExtensionResponse & MessagingExtensionActionResponse {
  switch (reply.kind) {
    case 'results':
      return { composeExtension: { type: 'result', attachmentLayout: 'list', attachments: reply.items.map(attachment) } };
    case 'message':
      return { composeExtension: { type: 'message', text: reply.text } };
    case 'dialog':
      return { task: { type: 'continue', value: { title: reply.title, card: CardFactory.adaptiveCard(reply.card), height: 'large', width: 'large' } } };
    case 'dialogMessage':
      return { task: { type: 'message', value: reply.text } };
  }
}
