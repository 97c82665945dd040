import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { loadConfig } from '../../src/config/config';
import { createLogger } from '../../src/log/logger';
import { BlobStorage } from '../../src/storage/blob-storage';
import { createStorage } from '../../src/storage/create-storage';
import { MemoryStorage } from '../../src/storage/memory-storage';
import { SqliteStorage } from '../../src/storage/sqlite-storage';
import { StorageError } from '../../src/storage/storage-error';
import { Azurite, AZURITE_KEY, startAzurite } from '../helpers/azurite';

jest.setTimeout(30_000);

function capturingLogger() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { logger: createLogger({ level: 'debug', destination }), lines };
}

let dir: string;
let azurite: Azurite;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'create-storage-'));
  azurite = await startAzurite();
});

afterAll(async () => {
  await azurite?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('createStorage', () => {
  it('gives MemoryStorage for STORAGE=memory', async () => {
    const { logger } = capturingLogger();
    const storage = await createStorage(loadConfig({ STORAGE: 'memory' }).storage, logger);
    expect(storage).toBeInstanceOf(MemoryStorage);
    await storage.close();
  });

  it('gives SqliteStorage on the configured path', async () => {
    const { logger, lines } = capturingLogger();
    const path = join(dir, 'sub', 'bot.sqlite');
    const storage = await createStorage(loadConfig({ STORAGE: `sqlite:${path}` }).storage, logger);
    expect(storage).toBeInstanceOf(SqliteStorage);
    expect((storage as SqliteStorage).path).toBe(path);
    await storage.set('k', 1);
    await storage.close();
    expect(lines.join('')).toContain(path);
  });

  it('gives BlobStorage for azure-blob and logs the container, never the connection string', async () => {
    const { logger, lines } = capturingLogger();
    const config = loadConfig({
      STORAGE: 'azure-blob',
      AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString,
      AZURE_STORAGE_CONTAINER: 'create-storage-test',
    }).storage;
    const storage = await createStorage(config, logger);
    expect(storage).toBeInstanceOf(BlobStorage);
    await storage.set('k', { ok: true });
    expect((await storage.get('k'))?.value).toEqual({ ok: true });
    await storage.close();
    const logged = lines.join('');
    expect(logged).toContain('create-storage-test');
    expect(logged).not.toContain(AZURITE_KEY);
    expect(logged).not.toContain(azurite.connectionString);
  });

  it('fails with StorageError, not the secret, when the blob account rejects the key', async () => {
    const { logger, lines } = capturingLogger();
    const wrong = azurite.connectionString.replace(AZURITE_KEY, Buffer.from('wrong-key-wrong-key').toString('base64'));
    const err = await createStorage({ kind: 'azure-blob', connectionString: wrong, container: 'denied' }, logger).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StorageError);
    expect((err as Error).message).not.toContain(wrong);
    expect(lines.join('')).not.toContain(wrong);
  });
});
