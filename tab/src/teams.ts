/** Teams host access: initialize (with a deadline, so a plain browser never hangs), theme, SSO token. */
import { app, authentication } from '@microsoft/teams-js';

const INIT_DEADLINE_MS = 5000;

export function applyTheme(theme: string): void {
  document.documentElement.dataset.theme = theme === 'dark' || theme === 'contrast' ? theme : 'default';
}

/** Resolves once Teams answered; rejects when there is no Teams host (top window, or silence). */
export async function connect(): Promise<{ theme: string; userName: string }> {
  if (window.parent === window && !window.opener) throw new Error('not in Teams');
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('Teams did not answer')), INIT_DEADLINE_MS);
  });
  try {
    await Promise.race([app.initialize(), deadline]);
    const context = await Promise.race([app.getContext(), deadline]);
    app.registerOnThemeChangeHandler(applyTheme);
    return { theme: context.app.theme ?? 'default', userName: context.user?.displayName ?? context.user?.userPrincipalName ?? '' };
  } finally {
    clearTimeout(timer);
  }
}

export function notifyLoaded(ok: boolean, reason = ''): void {
  // notifySuccess answers with a promise that rejects when the host went away mid-load; the page
  // already works then and there is no one left to tell, so the rejection is dropped, not left unhandled.
  if (ok) app.notifySuccess().catch(() => undefined);
  else app.notifyFailure({ reason: app.FailedReason.Other, message: reason });
}

/** Teams caches the SSO token and renews it; asking each time is cheap. */
export const ssoToken = (): Promise<string> => authentication.getAuthToken();
