/**
 * The operator's fix for a token failure, by the identity platform's error code: one sentence
 * naming the setting to change. `detail` is the service's first line (already scrubbed).
 */
export function credentialFix(detail: string): string {
  const text = detail.toLowerCase();
  if (/timed out|timeout|network|econn|fetch failed/.test(text)) {
    return 'the token endpoint did not answer: check outbound HTTPS to AAD_AUTHORITY_HOST (or AAD_TOKEN_ENDPOINT) and MMD_TIMEOUT_MS';
  }
  if (/invalid_client|aadsts7000215|aadsts7000222/.test(text))
    return 'MMD_CLIENT_SECRET is wrong or expired (create a new client secret for MMD_CLIENT_ID and set it)';
  if (/unauthorized_client|aadsts700016/.test(text)) return 'MMD_CLIENT_ID is not an app registration in MMD_TENANT_ID (check both)';
  if (/invalid_tenant|aadsts90002|aadsts900023/.test(text)) return 'MMD_TENANT_ID is not a tenant the identity platform knows (check it)';
  if (/invalid_scope|aadsts70011|aadsts65001|consent/.test(text)) {
    return 'the scope is not granted to MMD_CLIENT_ID (check MMD_SCOPE and grant admin consent for the API permissions)';
  }
  return 'check MMD_TENANT_ID, MMD_CLIENT_ID and MMD_CLIENT_SECRET';
}
