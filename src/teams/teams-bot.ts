import {
  TeamsActivityHandler,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type AppBasedLinkQuery,
  type InvokeResponse,
  type MessagingExtensionAction,
  type MessagingExtensionActionResponse,
  type MessagingExtensionQuery,
  type MessagingExtensionResponse,
  type TurnContext,
} from 'botbuilder';
import type { Bot } from '../bot/bot';
import type { Reply } from '../bot/reply';
import type { Turn } from '../bot/turn';
import { OTHER_TENANT, tenantAllowed } from '../bot/security/tenant-check';
import { extensionInvoke } from './extension-invoke';
import { extensionResponse, type ExtensionOptions } from './extension-response';
import { stripMentions } from './mention';
import { tenantOf } from './private-delivery';
import { isSharedCard } from './shared-card';
import { sendReply } from './send-reply';
import { createTeamsTurn, type TeamsTurn, type TeamsTurnOptions } from './teams-turn';
import { InFlight } from '../server/in-flight';
import { errorCard } from '../cards/error-card';
import { lateNoticeCard, tooLateToShowCard, workingOnItCard } from '../cards/working-on-it-card';
import type { AdaptiveCard } from '../cards/render';

const CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

/**
 * The Teams activity handler: turns activities into turns for the bot (src/bot/bot.ts) and
 * sends what it answers, or returns it as the invoke response.
 */
export class TeamsBot extends TeamsActivityHandler {
  /** Card actions still finishing after "working on it" answered (no request holds them open). */
  private readonly lateWork = new InFlight();

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
    this.onInstallationUpdateRemove(async (context, next) => {
      await this.bot.uninstalled(this.turn(context));
      await next();
    });
    this.onMembersRemoved(async (context, next) => {
      const botId = context.activity.recipient?.id;
      if (context.activity.membersRemoved?.some((m) => m.id === botId)) await this.bot.uninstalled(this.turn(context));
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      const botId = context.activity.recipient?.id;
      if (context.activity.membersAdded?.some((m) => m.id === botId)) await this.welcome(context);
      await next();
    });
  }

  /**
   * The tenant gate, before any handler (messages, card actions, message extensions, installs):
   * another tenant's user gets one polite refusal and no data; logged.
   */
  protected override async onTurnActivity(context: TurnContext): Promise<void> {
    const tenantId = tenantOf(context);
    if (tenantAllowed(this.allowedTenantIds, tenantId)) return super.onTurnActivity(context);
    const activity = context.activity;
    this.options.logger.warn({ tenantId: tenantId?.slice(0, 64), type: activity.type, name: activity.name }, 'refused: tenant not allowed');
    if (activity.type === 'message') await context.sendActivity(OTHER_TENANT);
    else if (activity.type === 'invoke') await context.sendActivity({ type: 'invokeResponse', value: refusalInvoke(activity.name) });
  }

  private get allowedTenantIds(): readonly string[] | 'any' {
    return this.options.allowedTenantIds ?? 'any';
  }

  /**
   * Teams' sign-in invokes (MMD_AUTH=user): the status and body Teams expects, and any message
   * (the command run after signing in, a next-step card) sent before the answer.
   */
  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    const name = context.activity.name ?? '';
    if (name.startsWith('signin/')) {
      const answer = await this.bot.signIn(this.turn(context), name, context.activity.value);
      if (answer) {
        if (answer.reply) await send(context, answer.reply);
        return { status: answer.status, body: answer.body };
      }
    }
    return super.onInvokeActivity(context);
  }

  /**
   * Action.Execute: the answer replaces the card in place. Teams waits about 5 s for it; work
   * that takes longer (a slow API, retries) is answered in time with "working on it", goes on
   * under the turn's own (message) deadline, and its result then replaces that card.
   */
  protected override async onAdaptiveCardInvoke(
    context: TurnContext,
    invokeValue: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    const turn = this.turn(context);
    const replyToId = context.activity.replyToId || undefined;
    const work = this.bot.execute(turn, invokeValue?.action?.verb, invokeValue?.action?.data);
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((resolve) => {
      timer = setTimeout(() => resolve('late'), this.options.deadlines.invokeMs);
    });
    const first = await Promise.race([work, late]).finally(() => clearTimeout(timer));
    if (first !== 'late') return invokeAnswer(first);
    turn.detach();
    turn.log.warn({ replyToId: Boolean(replyToId) }, 'card action slower than Teams waits: answered "working on it", the result follows');
    this.lateWork.enter();
    void deliverLate(turn, replyToId, work).finally(() => this.lateWork.leave());
    return { statusCode: 200, type: CARD_CONTENT_TYPE, value: workingOnItCard({ correlationId: turn.correlationId }) };
  }

  /**
   * Waits, up to `graceMs`, for late card-action results still on their way, so a stop (a
   * deployment's restart) does not drop them; true when none was left behind.
   */
  settle(graceMs: number): Promise<boolean> {
    return this.lateWork.drained(graceMs);
  }

  // Message extensions: each composeExtension/* invoke is read from the activity itself (the
  // SDK's typed argument is the same untrusted value) and answered by the bot's extension route.
  protected override handleTeamsMessagingExtensionQuery(
    context: TurnContext,
    _query: MessagingExtensionQuery,
  ): Promise<MessagingExtensionResponse> {
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

  private turn(context: TurnContext): TeamsTurn {
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

const send = sendReply;

/** An Action.Execute answer: the card that replaces the pressed one, or a message. */
export function invokeAnswer(reply: Reply): AdaptiveCardInvokeResponse {
  if (reply.kind === 'card') return { statusCode: 200, type: CARD_CONTENT_TYPE, value: reply.card };
  return messageResponse(reply.kind === 'text' ? reply.text : (reply.text ?? 'Done.'));
}

/** What replaces the "working on it" card once the late work has answered. */
function lateCard(turn: Turn, reply: Reply): AdaptiveCard {
  const correlationId = turn.correlationId;
  if (reply.kind === 'card') return reply.inPlaceOnly ? tooLateToShowCard({ correlationId }) : reply.card;
  return lateNoticeCard({ text: reply.kind === 'text' ? reply.text : (reply.text ?? 'Done.'), correlationId });
}

/**
 * The late result of a card action: it replaces the "working on it" card (the message the
 * button was on), or comes as a new message when Teams did not say which message that was.
 */
async function deliverLate(turn: Turn, replyToId: string | undefined, work: Promise<Reply>): Promise<void> {
  let body: AdaptiveCard;
  try {
    const reply = await work;
    body = lateCard(turn, reply);
    if (reply.kind === 'card' && reply.inPlaceOnly) {
      await reply.discarded?.().catch((err: unknown) => turn.log.error({ err }, 'could not record the discarded answer'));
    }
  } catch (err) {
    turn.log.error({ err }, 'late card action failed');
    body = errorCard({ what: 'Finishing that action', retryable: true, correlationId: turn.correlationId });
  }
  try {
    if (replyToId) await turn.updateCard(replyToId, body);
    else await turn.sendCard(body);
    turn.log.info({ updated: Boolean(replyToId) }, 'late card action result delivered');
  } catch (err) {
    const status = err && typeof err === 'object' ? (err as { statusCode?: unknown }).statusCode : undefined;
    turn.log.error({ status: typeof status === 'number' ? status : undefined }, 'could not deliver the late card action result');
  }
}

/** The refusal in the shape each invoke expects; anything else gets a bare 403. */
function refusalInvoke(name: string | undefined): { status: number; body?: unknown } {
  if (name === 'adaptiveCard/action') return { status: 200, body: messageResponse(OTHER_TENANT) };
  if (name?.startsWith('composeExtension/')) return { status: 200, body: { composeExtension: { type: 'message', text: OTHER_TENANT } } };
  return { status: 403 };
}

function messageResponse(text: string): AdaptiveCardInvokeResponse {
  // Teams wants the text itself as `value`; botbuilder's type only allows an object there.
  return {
    statusCode: 200,
    type: 'application/vnd.microsoft.activity.message',
    value: text as unknown as Record<string, unknown>,
  };
}
