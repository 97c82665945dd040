import { MemoryStorage } from '../../src/storage/memory-storage';
import { storedReference } from '../../src/state/stored-reference';
import { saveSubscription, subscriptionKey, subscriptionsOf } from '../../src/state/subscriptions';

const sdkReference = {
  activityId: 'act-1',
  serviceUrl: 'https://smba.example/emea/',
  channelId: 'msteams',
  bot: { id: '28:bot', name: 'MMD Assist', role: 'bot' },
  user: { id: '29:user', name: 'Adele', aadObjectId: 'aad-1', role: 'user' },
  conversation: { id: 'a:1/x', name: '', isGroup: false, conversationType: 'personal', tenantId: 't-1' },
  locale: 'en-GB',
};

describe('subscriptions', () => {
  it('keeps only the project-owned reference, under the ticket and conversation', async () => {
    const storage = new MemoryStorage();
    const reference = storedReference(sdkReference)!;
    await saveSubscription(storage, { ticketId: 'MMD-1465058-R5V8P', reference, subscribedBy: 'aad-1', at: '2030-01-01T00:00:00.000Z', lastState: 'active' });
    expect(await storage.list('subscriptions/MMD-1465058-R5V8P/')).toEqual([subscriptionKey('MMD-1465058-R5V8P', 'a:1/x')]);
    const [stored] = await subscriptionsOf(storage, 'MMD-1465058-R5V8P');
    expect(stored!.reference).toEqual({
      serviceUrl: 'https://smba.example/emea/',
      channelId: 'msteams',
      bot: { id: '28:bot', name: 'MMD Assist' },
      user: { id: '29:user', name: 'Adele', aadObjectId: 'aad-1' },
      conversation: { id: 'a:1/x', isGroup: false, conversationType: 'personal', tenantId: 't-1' },
      locale: 'en-GB',
    });
  });

  it('skips records it cannot read, and refuses a reference without a service URL', async () => {
    const storage = new MemoryStorage();
    await storage.set('subscriptions/T-1/raw', { ticketId: 'T-1', reference: { conversation: {} } });
    expect(await subscriptionsOf(storage, 'T-1')).toEqual([]);
    expect(storedReference({ ...sdkReference, serviceUrl: undefined })).toBeUndefined();
  });
});
