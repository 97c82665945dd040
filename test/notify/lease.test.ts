import { randomUUID } from 'node:crypto';
import { LocalLease } from '../../src/notify/lease';
import { BlobLease } from '../../src/storage/blob-lease';
import { BlobStorage } from '../../src/storage/blob-storage';
import { Azurite, startAzurite } from '../helpers/azurite';

jest.setTimeout(60_000);

let azurite: Azurite;

beforeAll(async () => {
  azurite = await startAzurite();
});

afterAll(async () => {
  await azurite?.stop();
});

async function contenders(n: number): Promise<BlobLease[]> {
  const container = `t-${randomUUID()}`;
  // The container exists once the storage has connected, as in the app.
  await BlobStorage.connect({ connectionString: azurite.connectionString, container });
  return Array.from(
    { length: n },
    () => new BlobLease({ connectionString: azurite.connectionString, container, name: 'locks/notify-leader', durationSeconds: 15 }),
  );
}

// The handover after a holder dies without releasing (one 15 s lease period, Azure's shortest)
// is proven with the notifier on top: notifier.test.ts.
describe('BlobLease against Azurite', () => {
  it('lets exactly one of two contenders lead while it renews', async () => {
    const [a, b] = await contenders(2);
    const [first, second] = await Promise.all([a!.tryAcquire(), b!.tryAcquire()]);
    expect([first, second].filter(Boolean)).toHaveLength(1);
    const [leader, other] = first ? [a!, b!] : [b!, a!];
    for (let i = 0; i < 3; i++) {
      expect(await leader.tryAcquire()).toBe(true);
      expect(await other.tryAcquire()).toBe(false);
    }
    await leader.release();
    // A clean shutdown hands over at once.
    expect(await other.tryAcquire()).toBe(true);
    expect(await leader.tryAcquire()).toBe(false);
    await other.release();
  });

  it('refuses a lease period Azure does not offer', () => {
    expect(() => new BlobLease({ connectionString: azurite.connectionString, container: 'c', name: 'x', durationSeconds: 5 })).toThrow(
      RangeError,
    );
  });
});

describe('LocalLease', () => {
  it('is held by one holder per name in a process', async () => {
    const a = new LocalLease('test-lease');
    const b = new LocalLease('test-lease');
    expect(await a.tryAcquire()).toBe(true);
    expect(await b.tryAcquire()).toBe(false);
    await a.release();
    expect(await b.tryAcquire()).toBe(true);
    await b.release();
  });
});
