/**
 * Stable codes the tab's API answers with (`{ error, message }`); the page shows `message` and
 * decides its next step from `error`:
 * - `unauthorized` (401): no valid SSO token; sign in again.
 * - `consent_required` (403): the user or an admin must consent to the app's MMD permission.
 * - `interaction_required` (401): the token exchange needs the user to sign in again.
 * - `tab_not_configured` (503), `sso_unavailable` (503): a server-side problem.
 * - `forbidden` (403): the user's role does not allow it (the same words as in chat).
 * - `bad_request` (400), `not_found` (404), `mmd_error` (502).
 */
export type TabErrorCode =
  | 'unauthorized'
  | 'consent_required'
  | 'interaction_required'
  | 'tab_not_configured'
  | 'sso_unavailable'
  | 'forbidden'
  | 'bad_request'
  | 'not_found'
  | 'mmd_error';

export class TabError extends Error {
  constructor(
    readonly status: number,
    readonly code: TabErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'TabError';
  }

  body(): { error: TabErrorCode; message: string } {
    return { error: this.code, message: this.message };
  }
}
