import { describeE2e } from '../helpers/chromium';
import { cardTests } from './cards';
import { ticketFormTests } from './forms';
import { graphFormTests } from './graph-forms';
import { helpTests } from './help';
import { issue25Tests } from './issue25';
import { messageExtensionTests } from './message-extension';
import { BOT_DOMAIN, E2E_TEST_TIMEOUT_MS, startE2eSession, type E2eSession } from './mmd-session';
import { notifyTests } from './notify';
import { whatAdminsSeeTests } from './what-admins-see';

jest.setTimeout(E2E_TEST_TIMEOUT_MS);

// The bot's suites in one session (bot in sandbox mode, where the Playground user holds every role,
// with BOT_DOMAIN set and the Playground's extension limits; the Playground; Chromium) and one
// personal chat, in this order: the welcome first, the forms that add data after the lists that
// read it. Suites after the first two start on a cleared chat view.
describeE2e('the bot in the Agents Playground', (chromiumPath) => {
  let session: E2eSession | undefined;

  beforeAll(async () => {
    session = await startE2eSession(chromiumPath, 'help', { BOT_DOMAIN }, { playground: true });
  });

  afterAll(async () => {
    await session?.stop();
  });

  const shared = {
    async use(prefix: string, chat: 'clear' | 'as left'): Promise<E2eSession> {
      if (!session) throw new Error('the session did not start');
      session.chat.prefix = prefix;
      if (chat === 'clear') await session.chat.clearChat();
      return session;
    },
  };
  helpTests(shared);
  whatAdminsSeeTests(shared);
  issue25Tests(shared);
  cardTests(shared);
  messageExtensionTests(shared);
  ticketFormTests(shared);
  graphFormTests(shared);
  notifyTests(shared);
});
