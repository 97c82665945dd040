import { randomUUID } from 'node:crypto';
import { BlobServiceClient } from '@azure/storage-blob';
import { decodeKey, encodeKey } from '../../src/storage/blob-name';
import { BlobStorage } from '../../src/storage/blob-storage';
import { StorageConflictError } from '../../src/storage/storage';
import { StorageError } from '../../src/storage/storage-error';
import { Azurite, AZURITE_KEY, startAzurite } from '../helpers/azurite';
import { describeStorageConformance } from './conformance';

jest.setTimeout(30_000);

let azurite: Azurite;

beforeAll(async () => {
  azurite = await startAzurite();
});

afterAll(async () => {
  await azurite?.stop();
});

// A container per test keeps tests independent without restarting the emulator.
const freshContainer = () => `t-${randomUUID()}`;

describeStorageConformance('BlobStorage', () =>
  BlobStorage.connect({ connectionString: azurite.connectionString, container: freshContainer() }),
);

describe('BlobStorage against Azurite', () => {
  it('creates the container and keeps data for a new instance on the same container', async () => {
    const container = freshContainer();
    const first = await BlobStorage.connect({ connectionString: azurite.connectionString, container });
    const eTag = await first.set('conv/a b', { ref: 1 });
    await first.close();

    const second = await BlobStorage.connect({ connectionString: azurite.connectionString, container });
    expect(await second.get('conv/a b')).toEqual({ value: { ref: 1 }, eTag });
    expect(await second.list('conv/')).toEqual(['conv/a b']);

    const service = BlobServiceClient.fromConnectionString(azurite.connectionString);
    const names: string[] = [];
    for await (const blob of service.getContainerClient(container).listBlobsFlat()) names.push(blob.name);
    expect(names).toEqual([encodeKey('conv/a b')]);
  });

  it('connects when another instance created the container at the same moment', async () => {
    const container = freshContainer();
    const stores = await Promise.all(
      Array.from({ length: 4 }, () => BlobStorage.connect({ connectionString: azurite.connectionString, container })),
    );
    await stores[0]!.set('k', 1);
    expect((await stores[3]!.get('k'))?.value).toBe(1);
  });

  it('returns the service eTag, and a conflict from another writer is seen', async () => {
    const container = freshContainer();
    const a = await BlobStorage.connect({ connectionString: azurite.connectionString, container });
    const b = await BlobStorage.connect({ connectionString: azurite.connectionString, container });
    const eTag = await a.set('k', 1);
    const props = await BlobServiceClient.fromConnectionString(azurite.connectionString)
      .getContainerClient(container)
      .getBlobClient(encodeKey('k'))
      .getProperties();
    expect(props.etag).toBe(eTag);
    await b.set('k', 2, { ifMatch: eTag });
    await expect(a.set('k', 3, { ifMatch: eTag })).rejects.toBeInstanceOf(StorageConflictError);
  });

  it('never puts the connection string or account key in an error message', async () => {
    const wrongKey = Buffer.from('not-the-real-key-not-the-real-key').toString('base64');
    const badSecret = azurite.connectionString.replace(AZURITE_KEY, wrongKey);
    const denied = await BlobStorage.connect({ connectionString: badSecret, container: freshContainer(), maxTries: 1 }).catch(
      (err: unknown) => err,
    );
    expect(denied).toBeInstanceOf(StorageError);
    expect(denied).toMatchObject({ status: 403 });
    const garbage = 'AccountKey=super-secret-value;nonsense';
    const invalid = await BlobStorage.connect({ connectionString: garbage, container: 'c1c' }).catch((err: unknown) => err);
    expect(invalid).toBeInstanceOf(StorageError);

    for (const [err, secretString, key] of [
      [denied, badSecret, wrongKey],
      [invalid, garbage, 'super-secret-value'],
    ] as const) {
      const text = `${(err as Error).message}\n${(err as Error).stack}\n${JSON.stringify(err)}`;
      expect(text).not.toContain(secretString);
      expect(text).not.toContain(key);
      expect(text).not.toContain(AZURITE_KEY);
    }
  });

  it('wraps a failure on an existing store in StorageError without the secret', async () => {
    const container = freshContainer();
    const storage = await BlobStorage.connect({ connectionString: azurite.connectionString, container });
    await BlobServiceClient.fromConnectionString(azurite.connectionString).getContainerClient(container).delete();
    const err = await storage.get('k').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StorageError);
    expect(err).toMatchObject({ status: 404, code: 'ContainerNotFound', key: 'k' });
    expect((err as Error).message).not.toContain(AZURITE_KEY);
  });
});

describe('blob names', () => {
  it('are safe characters only and decode back', () => {
    for (const key of ['a/b', '..', 'x.', 'p%q', "it's (ok)!~*", '日本 🚀', '']) {
      const name = encodeKey(key);
      expect(name).toMatch(/^[A-Za-z0-9_%-]*$/);
      expect(decodeKey(name)).toBe(key);
    }
  });

  it('keep prefixes: the encoded prefix matches exactly the keys with that prefix', () => {
    const keys = ['a/1', 'ab', 'a%2F', 'a', 'a/ü'];
    const prefix = 'a/';
    expect(keys.filter((k) => encodeKey(k).startsWith(encodeKey(prefix)))).toEqual(keys.filter((k) => k.startsWith(prefix)));
  });
});
