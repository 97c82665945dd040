import {
  CardFactory,
  TeamsActivityHandler,
  TurnContext,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
} from 'botbuilder';
import { helpCard } from '../cards/help-card';
import { welcomeCard } from '../cards/welcome-card';
import { COMMANDS } from '../intents/commands';
import { parseIntent } from '../intents/parse-intent';
import type { BotDeps } from './deps';
import { runIntent, runVerb } from './dispatch';
import { stripMentions } from './mention';
import type { Reply } from './reply';
import type { IntentRoutes, VerbRoutes } from './route';
import { createTurn, type Turn } from './turn';
import { isVerb } from '../protocol/verbs';
import { firstWelcome } from '../state/welcomed';

const CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

export interface Routes {
  intents: IntentRoutes;
  verbs: VerbRoutes;
}

/**
 * The Teams activity handler: turns activities into intents or verbs, asks the routing table
 * (src/bot/routes.ts) for the handler, and sends or returns what it answers.
 */
export class MmdBot extends TeamsActivityHandler {
  constructor(
    private readonly deps: BotDeps,
    private readonly routes: Routes,
  ) {
    super();
    this.onMessage(async (context, next) => {
      await this.handleMessage(createTurn(context, deps.logger));
      await next();
    });
    this.onInstallationUpdateAdd(async (context, next) => {
      await this.welcome(createTurn(context, deps.logger));
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      const botId = context.activity.recipient?.id;
      if (context.activity.membersAdded?.some((m) => m.id === botId)) {
        await this.welcome(createTurn(context, deps.logger));
      }
      await next();
    });
  }

  /** Action.Execute: the answer replaces the card in place. */
  protected override async onAdaptiveCardInvoke(
    context: TurnContext,
    invokeValue: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    const turn = createTurn(context, this.deps.logger);
    const verb = invokeValue?.action?.verb;
    if (!isVerb(verb)) {
      turn.log.warn({ verb: typeof verb === 'string' ? verb.slice(0, 64) : typeof verb }, 'unknown card verb');
      return messageResponse('That button is not one I know, so nothing was changed. Type `help` to see what I can do.');
    }
    const outcome = await runVerb(this.routes.verbs, turn, verb, invokeValue.action.data, this.deps);
    if (!outcome.ok) return messageResponse(outcome.problem);
    const reply = outcome.reply;
    if (reply.kind === 'card') return { statusCode: 200, type: CARD_CONTENT_TYPE, value: reply.card };
    return messageResponse(reply.kind === 'text' ? reply.text : (reply.text ?? 'Done.'));
  }

  private async handleMessage(turn: Turn): Promise<void> {
    const value: unknown = turn.context.activity.value;
    // Action.Submit (older clients, and the fallback of every Action.Execute) sends `{ verb, ...data }`.
    if (value && typeof value === 'object' && 'verb' in value) {
      const { verb, ...data } = value as { verb: unknown } & Record<string, unknown>;
      if (!isVerb(verb)) {
        await this.send(turn, { kind: 'text', text: 'That button is not one I know, so nothing was changed.' });
        return;
      }
      const outcome = await runVerb(this.routes.verbs, turn, verb, data, this.deps);
      await this.send(turn, outcome.ok ? outcome.reply : { kind: 'text', text: outcome.problem });
      return;
    }
    const text = stripMentions(turn.context.activity.text);
    const intent = parseIntent(text);
    turn.log.info({ intent: intent.kind }, 'message');
    if (intent.kind === 'unknown') {
      await this.send(turn, this.unknown(intent.suggestions));
      return;
    }
    await this.send(turn, await runIntent(this.routes.intents, turn, intent.kind, intent, this.deps));
  }

  private unknown(suggestions: string[]): Reply {
    const hint = suggestions.length
      ? ` Did you mean ${suggestions.map((s) => `\`${s}\``).join(' or ')}?`
      : '';
    return {
      kind: 'card',
      text: `I did not understand that.${hint} Here is what I can do:`,
      card: helpCard({ commands: COMMANDS, mode: this.deps.config.mode }),
    };
  }

  /** Teams announces an install twice; the welcome card is sent once per conversation (src/state/welcomed.ts). */
  private async welcome(turn: Turn): Promise<void> {
    const conversationId = turn.context.activity.conversation?.id ?? 'unknown';
    if (!(await firstWelcome(this.deps.storage, conversationId, this.deps.now()))) return;
    await this.send(turn, {
      kind: 'card',
      card: welcomeCard({ mode: this.deps.config.mode, userName: turn.user.name }),
    });
  }

  private async send(turn: Turn, reply: Reply): Promise<void> {
    if (reply.kind === 'card') {
      await turn.context.sendActivity({
        type: 'message',
        text: reply.text,
        attachments: [CardFactory.adaptiveCard(reply.card)],
      });
    } else if (reply.kind === 'text' || reply.text) {
      await turn.context.sendActivity(reply.text ?? '');
    }
  }
}

function messageResponse(text: string): AdaptiveCardInvokeResponse {
  // Teams wants the text itself as `value`; botbuilder's type only allows an object there.
  return {
    statusCode: 200,
    type: 'application/vnd.microsoft.activity.message',
    value: text as unknown as Record<string, unknown>,
  };
}
