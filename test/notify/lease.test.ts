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

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

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

  it('hands over within one lease period when the leader dies without releasing', async () => {
    const [a, b] = await contenders(2);
    expect(await a!.tryAcquire()).toBe(true);
    const died = Date.now();
    // a stops renewing (the process is gone); b keeps trying every second.
    let took = false;
    while (!took && Date.now() - died < 20_000) {
      took = await b!.tryAcquire();
      if (!took) await sleep(1000);
    }
    expect(took).toBe(true);
    // Within the 15 s period plus one retry interval and some clock slack.
    expect(Date.now() - died).toBeLessThan(17_500);
    // The old leader, back from a pause, finds it has lost the lease.
    expect(await a!.tryAcquire()).toBe(false);
    await b!.release();
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
