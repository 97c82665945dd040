import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  ActivityHandler,
  CardFactory,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type InvokeResponse,
  TurnContext,
} from 'botbuilder';

// A card with both action kinds the real bot uses, so the Playground plumbing can be tested
// without the MMD bot: Submit arrives as a message with `value`, Execute as an invoke.
function echoCard(text: string): Record<string, unknown> {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body: [
      { type: 'TextBlock', text: `Echo card: ${text}`, wrap: true },
      { type: 'Input.Text', id: 'note', placeholder: 'A note' },
    ],
    actions: [
      { type: 'Action.Submit', title: 'Submit it', data: { kind: 'submit' } },
      { type: 'Action.Execute', title: 'Execute it', verb: 'echo.execute', data: { kind: 'execute' } },
    ],
  };
}

class EchoBot extends ActivityHandler {
  constructor() {
    super();
    this.onMessage(async (context, next) => {
      const value = context.activity.value as { kind?: string; note?: string } | undefined;
      if (value?.kind === 'submit') {
        await context.sendActivity(`Submitted note: ${value.note ?? ''}`);
      } else {
        // Teams puts "<at>Bot</at>" in the text of a group message; a bot strips its own mention.
        const text = (TurnContext.removeRecipientMention(context.activity) ?? '').trim();
        await context.sendActivity({ attachments: [CardFactory.adaptiveCard(echoCard(text))] });
      }
      await next();
    });
  }

  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    const value = context.activity.value as { action?: { data?: { note?: string } } } | undefined;
    return {
      status: 200,
      body: {
        statusCode: 200,
        type: 'application/vnd.microsoft.card.adaptive',
        value: {
          type: 'AdaptiveCard',
          version: '1.5',
          body: [{ type: 'TextBlock', text: `Executed with note: ${value?.action?.data?.note ?? ''}` }],
        },
      },
    };
  }
}

export interface RunningEchoBot {
  /** The messaging endpoint, http://127.0.0.1:<port>/api/messages. */
  url: string;
  stop(): Promise<void>;
}

/** A tiny botbuilder bot on loopback with auth off (empty app id), like the Playground expects. */
export async function startEchoBot(): Promise<RunningEchoBot> {
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({ MicrosoftAppId: '' }));
  const bot = new EchoBot();
  const server: Server = createServer((req, res) => {
    if (req.method !== 'POST' || req.url !== '/api/messages') {
      res.statusCode = 404;
      res.end();
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      const request = Object.assign(req, { body });
      // CloudAdapter wants restify/express-style response methods.
      const response = {
        socket: res.socket,
        header: (name: string, value: unknown) => res.setHeader(name, String(value)),
        send: (payload?: unknown) => {
          if (payload !== undefined && !res.headersSent) res.setHeader('content-type', 'application/json');
          res.write(payload === undefined ? '' : typeof payload === 'string' ? payload : JSON.stringify(payload));
        },
        status: (code: number) => {
          res.statusCode = code;
        },
        end: () => res.end(),
      };
      adapter
        .process(request as never, response as never, (context) => bot.run(context))
        .catch(() => {
          if (!res.headersSent) res.statusCode = 500;
          res.end();
        });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api/messages`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
