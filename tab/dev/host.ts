/**
 * Sandbox only: a stand-in for the Teams host around the tab. It answers the teams-js messages
 * the tab sends (initialize, getContext, authentication.getAuthToken) the way Teams does, over
 * postMessage, with a development SSO token from the server (served to loopback in sandbox
 * mode only). Tests drive the tab through it.
 */
interface HostMessage {
  id: number;
  uuidAsString?: string;
  func: string;
  args?: unknown[];
}

const frame = document.getElementById('tab') as HTMLIFrameElement;
const themePicker = document.getElementById('theme') as HTMLSelectElement;
const initialTheme = new URLSearchParams(location.search).get('theme') ?? 'default';
themePicker.value = initialTheme;

async function devToken(): Promise<string> {
  const response = await fetch('/tab/dev/token');
  const body = (await response.json()) as { token?: string };
  if (!body.token) throw new Error('no development token');
  return body.token;
}

function reply(message: HostMessage, args: unknown[]): void {
  frame.contentWindow?.postMessage({ id: message.id, uuidAsString: message.uuidAsString, args }, location.origin);
}

window.addEventListener('message', (event: MessageEvent) => {
  if (event.source !== frame.contentWindow || event.origin !== location.origin) return;
  const message = event.data as HostMessage;
  if (!message || typeof message.func !== 'string') return;
  switch (message.func) {
    case 'initialize':
      reply(message, [
        'content',
        'web',
        JSON.stringify({ apiVersion: 4, supports: { pages: { appButton: {}, tabs: {} }, teamsCore: {} } }),
        '2.58.0',
      ]);
      break;
    case 'getContext':
      reply(message, [
        {
          theme: themePicker.value,
          locale: 'en-us',
          entityId: 'dashboard',
          frameContext: 'content',
          hostClientType: 'web',
          hostName: 'Teams',
          userDisplayName: 'Sandbox admin',
          appSessionId: 'sandbox',
        },
      ]);
      break;
    case 'authentication.getAuthToken':
      devToken().then(
        (token) => reply(message, [true, token]),
        (error: unknown) => reply(message, [false, String(error)]),
      );
      break;
    default:
      // registerHandler, appInitialization.* and the like need no answer.
      break;
  }
});

themePicker.addEventListener('change', () => {
  frame.contentWindow?.postMessage({ func: 'themeChange', args: [themePicker.value] }, location.origin);
});
if (initialTheme !== 'default') frame.src = `/tab/?theme=${encodeURIComponent(initialTheme)}`;
