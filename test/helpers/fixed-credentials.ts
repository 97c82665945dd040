import { ServiceClientCredentialsFactory } from 'botframework-connector';

export const OUTBOUND_TOKEN = 'fixed-outbound-token';

/** Outbound credentials for tests: a fixed bearer token, no identity platform involved. */
export class FixedCredentialsFactory extends ServiceClientCredentialsFactory {
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
    return {
      signRequest: async <T extends { headers: { set(name: string, value: string): void } }>(request: T) => {
        request.headers.set('authorization', `Bearer ${OUTBOUND_TOKEN}`);
        return request;
      },
    };
  }
}
