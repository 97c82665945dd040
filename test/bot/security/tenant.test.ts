import { loadConfig } from '../../../src/config/config';
import { BotHarness, TEST_TENANT } from '../../helpers/bot-harness';

/** A user of another tenant: one polite refusal, no data, no API call, logged. */
describe('ALLOWED_TENANT_IDS', () => {
  let harness: BotHarness;
  const apiCalls = () => harness.app.emulator!.requestLog().length;
  const foreign = (partial: Record<string, unknown>) => {
    const activity = harness.activity(partial);
    const conversation = { ...(activity.conversation as Record<string, unknown>), tenantId: 'other-tenant' };
    return { ...activity, conversation, channelData: { tenant: { id: 'other-tenant' } } };
  };

  beforeAll(async () => {
    harness = await BotHarness.start({ env: { ALLOWED_TENANT_IDS: `${TEST_TENANT.toUpperCase()}, another` } });
  });
  afterAll(async () => {
    await harness?.stop();
  });

  it('serves the listed tenant (ids compared without case)', async () => {
    const replies = await harness.say('devices');
    expect(replies[0]!.attachments).toBeDefined();
  });

  it('refuses a message from another tenant once, with no data and no API call, and logs it', async () => {
    const before = apiCalls();
    harness.connector.clear();
    const { status } = await harness.post(foreign({ type: 'message', text: 'devices' }));
    expect(status).toBe(200);
    const sent = harness.connector.calls.filter((c) => c.method === 'POST').map((c) => c.activity);
    expect(sent).toHaveLength(1);
    expect(String(sent[0]!.text)).toMatch(/serves one organization only/);
    expect(sent[0]!.attachments ?? []).toHaveLength(0);
    expect(apiCalls()).toBe(before);
    expect(harness.logs.join('')).toMatch(/refused: tenant not allowed.*|tenant not allowed/);
  });

  it('refuses a card action and a message-extension query from another tenant in the shape each expects', async () => {
    const before = apiCalls();
    const card = await harness.post(
      foreign({
        type: 'invoke',
        name: 'adaptiveCard/action',
        value: { action: { type: 'Action.Execute', verb: 'device.open', data: { name: 'MMD-00001' } } },
      }),
    );
    expect(card.status).toBe(200);
    expect(String((card.body as { value: unknown }).value)).toMatch(/serves one organization only/);
    const query = await harness.post(
      foreign({ type: 'invoke', name: 'composeExtension/query', value: { commandId: 'devices', parameters: [] } }),
    );
    expect(query.status).toBe(200);
    expect(JSON.stringify(query.body)).toMatch(/serves one organization only/);
    const other = await harness.post(foreign({ type: 'invoke', name: 'task/fetch', value: {} }));
    expect(other.status).toBe(403);
    expect(apiCalls()).toBe(before);
  });

  it('refuses an activity that names no tenant at all (fails closed)', async () => {
    const activity = harness.activity({ type: 'message', text: 'devices' });
    const conversation = { ...(activity.conversation as Record<string, unknown>) };
    delete conversation.tenantId;
    harness.connector.clear();
    await harness.post({ ...activity, conversation, channelData: {} });
    const sent = harness.connector.calls.filter((c) => c.method === 'POST').map((c) => c.activity);
    expect(String(sent[0]!.text)).toMatch(/serves one organization only/);
  });
});

describe('ALLOWED_TENANT_IDS defaults', () => {
  const live = {
    MMD_API_BASE_URL: 'https://mmd.example/',
    MMD_TENANT_ID: 'T-Live',
    MMD_CLIENT_ID: 'c',
    MMD_CLIENT_SECRET: 's',
    MicrosoftAppId: 'app',
  };

  it('is the MMD tenant in live mode and any tenant in sandbox mode', () => {
    expect(loadConfig(live).allowedTenantIds).toEqual(['t-live']);
    expect(loadConfig({}).allowedTenantIds).toBe('any');
    expect(loadConfig({ ...live, ALLOWED_TENANT_IDS: 'a, B' }).allowedTenantIds).toEqual(['a', 'b']);
  });

  it('cannot be * in live mode', () => {
    expect(() => loadConfig({ ...live, ALLOWED_TENANT_IDS: '*' })).toThrow(/ALLOWED_TENANT_IDS/);
  });

  it('DEFAULT_ROLE: reader in live mode, admin in sandbox mode without lists, reader with lists; checked', () => {
    expect(loadConfig(live).roles.defaultRole).toBe('reader');
    expect(loadConfig({}).roles.defaultRole).toBe('admin');
    expect(loadConfig({ OPERATORS: 'x@y.z' }).roles.defaultRole).toBe('reader');
    expect(loadConfig({ DEFAULT_ROLE: 'Operator' }).roles.defaultRole).toBe('operator');
    expect(() => loadConfig({ DEFAULT_ROLE: 'root' })).toThrow(/DEFAULT_ROLE/);
  });
});
