import { notFoundCard } from '../../cards/not-found-card';
import { searchPreviewCard } from '../../cards/search-preview-card';
import { linkTarget } from '../../protocol/link-target';
import type { BotDeps } from '../deps';
import type { Turn } from '../turn';
import { results, type ExtensionReply } from './extension-reply';
import { findByIntuneId } from './intune-device';
import { fullItem } from './select-item';
import { stillLoading } from './still-loading';

/**
 * composeExtension/queryLink: an Intune admin center device link, an admin center ticket link or
 * a link on the bot's own domain (src/protocol/link-target.ts) becomes the device or ticket card.
 * Other links get no card (an empty result): Teams then shows the link as pasted.
 */
export async function unfurlLink(turn: Turn, input: { url: string }, deps: BotDeps): Promise<ExtensionReply> {
  const target = linkTarget(input.url, deps.config.bot.domain);
  switch (target.kind) {
    case 'none':
      return results([]);
    case 'device':
      return results([await fullItem({ kind: 'device', name: target.name }, deps)]);
    case 'ticket':
      return results([await fullItem({ kind: 'ticket', id: target.id }, deps)]);
    case 'intuneDevice': {
      const device = await findByIntuneId(deps.mmd, target.intuneId, turn.signal);
      if (device === null) return stillLoading(turn, 'Finding the device of this Intune link');
      if (device === undefined) {
        return results([
          {
            preview: searchPreviewCard({ title: 'Intune device not managed by MMD', text: target.intuneId }),
            card: notFoundCard({ what: 'device', key: target.intuneId }),
          },
        ]);
      }
      return results([await fullItem({ kind: 'device', name: device.name }, deps)]);
    }
  }
}
