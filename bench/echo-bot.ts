/**
 * The floor: a bare botbuilder echo bot (CloudAdapter, auth off) on restify, answering a
 * message with a small card through the same connector as MMD Assist. Run as its own process
 * by the bench: PORT (0 = free port), /healthz for the cold-start figure, and the bench's IPC
 * hooks (bench/ipc-hooks.ts). Copied from test/e2e/echo-bot.ts so bench/ does not depend on test/.
 */
import restify from 'restify';
import type { AddressInfo } from 'node:net';
import {
  ActivityHandler,
  CardFactory,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  TurnContext,
  type InvokeResponse,
} from 'botbuilder';
import { installIpcHooks } from './ipc-hooks';

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
      const text = (TurnContext.removeRecipientMention(context.activity) ?? '').trim();
      await context.sendActivity({ attachments: [CardFactory.adaptiveCard(echoCard(text))] });
      await next();
    });
  }

  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    const value = context.activity.value as { action?: { verb?: string } } | undefined;
    return {
      status: 200,
      body: {
        statusCode: 200,
        type: 'application/vnd.microsoft.card.adaptive',
        value: { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: `Executed ${value?.action?.verb ?? ''}` }] },
      },
    };
  }
}

async function main(): Promise<void> {
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({ MicrosoftAppId: '' }));
  const bot = new EchoBot();
  // The Microsoft sample's shape: restify with its body parser, the adapter's process().
  const server = restify.createServer({ name: '' });
  server.use(restify.plugins.bodyParser());
  server.get('/healthz', (_req, res, next) => {
    res.send(200, { status: 'ok' });
    next();
  });
  server.post('/api/messages', async (req, res) => {
    await adapter.process(req, res, (context) => bot.run(context));
  });
  await new Promise<void>((resolve) => server.server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => resolve()));
  installIpcHooks({ port: (server.server.address() as AddressInfo).port });
}

main().catch((err: unknown) => {
  console.error('echo bot failed to start:', err instanceof Error ? err.message : String(err));
  process.exit(1);
});
