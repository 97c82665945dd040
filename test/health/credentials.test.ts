/**
 * A wrong client secret, as an operator would mistype it: the bot starts in live mode against
 * the emulator's token endpoint, /healthz says `degraded` naming the MMD and Graph tokens, the
 * log has exactly one line with the fix, and a user gets the sentence to tell the administrator
 * (never AADSTS text or a doubled "invalid_client: invalid_client"); the welcome card says the
 * connection does not work. With the right secret everything is ok.
 */
import { startEmulator } from '../../src/emulator/emulator';
import type { RunningEmulator } from '../../src/emulator/types';
import { answerText, BotHarness, cardOf, cardText, TEST_TENANT } from '../helpers/bot-harness';

const FIX = /MMD_CLIENT_SECRET is wrong or expired/;

function liveEnv(emulator: RunningEmulator, secret: string): Record<string, string> {
  return {
    MMD_API_BASE_URL: emulator.mmdBaseUrl,
    MMD_TENANT_ID: emulator.tenantId,
    MMD_CLIENT_ID: emulator.clientId,
    MMD_CLIENT_SECRET: secret,
    AAD_TOKEN_ENDPOINT: emulator.tokenEndpoint,
    GRAPH_BASE_URL: emulator.graphBaseUrl,
    ALLOW_UNAUTHENTICATED: 'true',
    ALLOWED_TENANT_IDS: TEST_TENANT,
  };
}

interface Health {
  status: string;
  mode: string;
  failed?: Array<{ dependency: string; reason: string }>;
}

async function healthOf(harness: BotHarness): Promise<Health> {
  const res = await fetch(`${harness.app.url}/healthz`);
  expect(res.status).toBe(200);
  return (await res.json()) as Health;
}

describe('start-up credential check', () => {
  let emulator: RunningEmulator;
  beforeAll(async () => {
    emulator = await startEmulator({});
  });
  afterAll(() => emulator.close());

  describe('with a wrong MMD_CLIENT_SECRET', () => {
    let harness: BotHarness;
    beforeAll(async () => {
      harness = await BotHarness.start({ env: liveEnv(emulator, 'obviously-wrong') });
    });
    afterAll(() => harness.stop());

    it('/healthz is degraded, naming the MMD and Graph tokens with the fix, and the process serves', async () => {
      const health = await healthOf(harness);
      expect(health.status).toBe('degraded');
      expect(health.mode).toBe('live');
      expect(health.failed?.map((f) => f.dependency).sort()).toEqual(['graph-token', 'mmd-token']);
      for (const f of health.failed ?? []) expect(f.reason).toMatch(FIX);
      expect(JSON.stringify(health)).not.toContain('obviously-wrong');
    });

    it('a user is told to contact the administrator, in words without AADSTS; the log has one line with the fix', async () => {
      const replies = await harness.say('devices');
      const said = answerText(replies[0]);
      expect(said).toContain("MMD Assist cannot reach the MMD service with its credentials; tell the bot's administrator");
      expect(said).not.toMatch(/AADSTS|invalid_client|The service said/);
      // A second command does not log the fix again.
      await harness.say('tickets');
      const fixLines = harness.logs.filter((l) => FIX.test(l));
      expect(fixLines).toHaveLength(1);
      expect(JSON.parse(fixLines[0]!)).toMatchObject({ level: 50 });
      expect(fixLines[0]).toMatch(/AADSTS7000215/);
      expect(harness.logs.join('\n')).not.toMatch(/invalid_client: invalid_client/);
      expect(harness.logs.join('\n')).not.toContain('obviously-wrong');
    });

    it('the welcome card states that the connection does not work', async () => {
      await harness.post(
        harness.activity(
          { type: 'conversationUpdate', membersAdded: [{ id: 'bot-1' }, { id: 'user-1' }] },
          { conversationId: 'welcome-conv' },
        ),
      );
      const text = cardText(cardOf(harness.connector.sent('welcome-conv')[0]));
      expect(text).toContain('cannot reach the MMD service with its credentials');
      expect(text).not.toContain('Connected to your Microsoft Managed Desktop tenant');
    });
  });

  describe('with the right secret', () => {
    let harness: BotHarness;
    beforeAll(async () => {
      harness = await BotHarness.start({ env: liveEnv(emulator, emulator.clientSecret) });
    });
    afterAll(() => harness.stop());

    it('/healthz is ok, nothing is logged about credentials, and the welcome card says connected', async () => {
      expect(await healthOf(harness)).toMatchObject({ status: 'ok', mode: 'live' });
      expect(harness.logs.filter((l) => /wrong or expired|check MMD_TENANT_ID/.test(l))).toEqual([]);
      await harness.post(
        harness.activity(
          { type: 'conversationUpdate', membersAdded: [{ id: 'bot-1' }, { id: 'user-1' }] },
          { conversationId: 'welcome-ok' },
        ),
      );
      expect(cardText(cardOf(harness.connector.sent('welcome-ok')[0]))).toContain('Connected to your Microsoft Managed Desktop tenant.');
    });
  });
});
