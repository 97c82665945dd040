import { ServiceClientCredentialsFactory } from 'botframework-connector';

export const OUTBOUND_TOKEN = 'fixed-outbound-token';

/**
 * Outbound credentials for tests: a bearer token of the test's choosing (OUTBOUND_TOKEN unless it
 * sets `token`, e.g. to renew it), no identity platform involved; `created` counts how often
 * botbuilder asked for credentials.
 */
export class FixedCredentialsFactory extends ServiceClientCredentialsFactory {
  token = OUTBOUND_TOKEN;
  created = 0;
  constructor(private readonly appId: string) {
    super();
  }
  async isValidAppId(appId: string): Promise<boolean> {
    return appId === this.appId;
  }
  async isAuthenticationDisabled(): Promise<boolean> {
    return false;
  }
  async createCredentials() {
    this.created++;
    return {
      // Like botbuilder's own credentials: the token is looked up when each request is signed.
      signRequest: async <T extends { headers: { set(name: string, value: string): void } }>(request: T) => {
        request.headers.set('authorization', `Bearer ${this.token}`);
        return request;
      },
    };
  }
}
