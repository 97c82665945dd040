import {
  CardFactory,
  TeamsActivityHandler,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type AppBasedLinkQuery,
  type MessagingExtensionAction,
  type MessagingExtensionActionResponse,
  type MessagingExtensionQuery,
  type MessagingExtensionResponse,
  type TurnContext,
} from 'botbuilder';
import type { Bot } from '../bot/bot';
import type { Reply } from '../bot/reply';
import type { Turn } from '../bot/turn';
import { extensionInvoke } from './extension-invoke';
import { extensionResponse, type ExtensionOptions } from './extension-response';
import { stripMentions } from './mention';
import { isSharedCard } from './shared-card';
import { createTeamsTurn, type TeamsTurnOptions } from './teams-turn';

const CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

/**
 * The Teams activity handler: turns activities into turns for the bot (src/bot/bot.ts) and
 * sends what it answers, or returns it as the invoke response.
 */
export class TeamsBot extends TeamsActivityHandler {
  constructor(
    private readonly bot: Bot,
    private readonly options: TeamsTurnOptions,
    private readonly extensionOptions: ExtensionOptions = { selectTap: true },
  ) {
    super();
    this.onMessage(async (context, next) => {
      await this.handleMessage(context);
      await next();
    });
    this.onInstallationUpdateAdd(async (context, next) => {
      await this.welcome(context);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      const botId = context.activity.recipient?.id;
      if (context.activity.membersAdded?.some((m) => m.id === botId)) await this.welcome(context);
      await next();
    });
  }

  /** Action.Execute: the answer replaces the card in place. */
  protected override async onAdaptiveCardInvoke(
    context: TurnContext,
    invokeValue: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    const reply = await this.bot.execute(this.turn(context), invokeValue?.action?.verb, invokeValue?.action?.data);
    if (reply.kind === 'card') return { statusCode: 200, type: CARD_CONTENT_TYPE, value: reply.card };
    return messageResponse(reply.kind === 'text' ? reply.text : (reply.text ?? 'Done.'));
  }

  // Message extensions: each composeExtension/* invoke is read from the activity itself (the
  // SDK's typed argument is the same untrusted value) and answered by the bot's extension route.
  protected override handleTeamsMessagingExtensionQuery(context: TurnContext, _query: MessagingExtensionQuery): Promise<MessagingExtensionResponse> {
    return this.extension(context);
  }

  protected override handleTeamsMessagingExtensionSelectItem(context: TurnContext, _query: unknown): Promise<MessagingExtensionResponse> {
    return this.extension(context);
  }

  protected override handleTeamsMessagingExtensionFetchTask(
    context: TurnContext,
    _action: MessagingExtensionAction,
  ): Promise<MessagingExtensionActionResponse> {
    return this.extension(context);
  }

  /** Replaces the SDK's dispatch, which would fail (501) on a bot message preview the bot never asked for. */
  protected override handleTeamsMessagingExtensionSubmitActionDispatch(
    context: TurnContext,
    _action: MessagingExtensionAction,
  ): Promise<MessagingExtensionActionResponse> {
    return this.extension(context);
  }

  protected override handleTeamsAppBasedLinkQuery(context: TurnContext, _query: AppBasedLinkQuery): Promise<MessagingExtensionResponse> {
    return this.extension(context);
  }

  private async extension(context: TurnContext): Promise<MessagingExtensionResponse & MessagingExtensionActionResponse> {
    const invoke = extensionInvoke(context.activity.name ?? '', context.activity.value);
    if (!invoke) return extensionResponse({ kind: 'message', text: 'This app does not handle that request.' });
    return extensionResponse(await this.bot.extension(this.turn(context), invoke), this.extensionOptions);
  }

  private turn(context: TurnContext): Turn {
    return createTeamsTurn(context, this.options);
  }

  private async handleMessage(context: TurnContext): Promise<void> {
    const turn = this.turn(context);
    const value: unknown = context.activity.value;
    // Action.Submit (older clients, and the fallback of every Action.Execute) sends `{ verb, ...data }`.
    if (value && typeof value === 'object' && 'verb' in value) {
      await send(context, await this.bot.submit(turn, value));
      return;
    }
    if (isSharedCard(context.activity)) {
      turn.log.debug('a card shared from the message extension: no answer');
      return;
    }
    await send(context, await this.bot.message(turn, stripMentions(context.activity.text)));
  }

  private async welcome(context: TurnContext): Promise<void> {
    const reply = await this.bot.installed(this.turn(context));
    if (reply) await send(context, reply);
  }
}

async function send(context: TurnContext, reply: Reply): Promise<void> {
  if (reply.kind === 'card') {
    await context.sendActivity({ type: 'message', text: reply.text, attachments: [CardFactory.adaptiveCard(reply.card)] });
  } else if (reply.kind === 'text' || reply.text) {
    await context.sendActivity(reply.text ?? '');
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
