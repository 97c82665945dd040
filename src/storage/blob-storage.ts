import { BlobServiceClient, ContainerClient } from '@azure/storage-blob';
import { decodeKey, encodeKey } from './blob-name';
import { compareKeys } from './key-order';
import { SetOptions, Storage, StorageConflictError, StoredItem } from './storage';
import { StorageError } from './storage-error';

export interface BlobStorageOptions {
  /** Secret: never logged, never part of an error. */
  connectionString: string;
  container: string;
  /** The SDK's attempts per request (default 4); tests lower it to fail fast. */
  maxTries?: number;
}

interface ServiceFailure {
  status?: number;
  code?: string;
}

/** Status and code of an SDK error, without keeping the error (its request carries credentials). */
function failure(err: unknown): ServiceFailure {
  if (typeof err !== 'object' || err === null) return {};
  const status = 'statusCode' in err && typeof err.statusCode === 'number' ? err.statusCode : undefined;
  const code = 'code' in err && typeof err.code === 'string' ? err.code : undefined;
  return { status, code };
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * The scale-out store: one JSON blob per key in one container, eTags from the service, so
 * several bot instances can share state with optimistic concurrency.
 */
export class BlobStorage implements Storage {
  private constructor(private readonly container: ContainerClient) {}

  /** Connects and creates the container if it is missing. */
  static async connect(options: BlobStorageOptions): Promise<BlobStorage> {
    let service: BlobServiceClient;
    try {
      service = BlobServiceClient.fromConnectionString(options.connectionString, {
        retryOptions: options.maxTries === undefined ? undefined : { maxTries: options.maxTries },
      });
    } catch {
      // The SDK's parse error may quote the string; ours never does.
      throw new StorageError('connect (invalid connection string)', undefined);
    }
    const container = service.getContainerClient(options.container);
    try {
      await container.create();
    } catch (err) {
      const { status, code } = failure(err);
      // Already there, perhaps created by another instance a moment ago.
      if (status !== 409 || code !== 'ContainerAlreadyExists') {
        throw new StorageError(`connect to container ${options.container}`, undefined, status, code);
      }
    }
    return new BlobStorage(container);
  }

  async get<T>(key: string): Promise<StoredItem<T> | undefined> {
    try {
      const response = await this.container.getBlobClient(encodeKey(key)).download();
      const body = response.readableStreamBody ? await readAll(response.readableStreamBody) : '';
      return { value: JSON.parse(body) as T, eTag: response.etag ?? '' };
    } catch (err) {
      const { status, code } = failure(err);
      if (status === 404 && code === 'BlobNotFound') return undefined;
      if (err instanceof SyntaxError) throw new StorageError('get (stored value is not JSON)', key);
      throw new StorageError('get', key, status, code);
    }
  }

  async set<T>(key: string, value: T, options: SetOptions = {}): Promise<string> {
    const json = JSON.stringify(value);
    if (json === undefined) throw new TypeError(`Storage value for ${key} is not JSON`);
    const body = Buffer.from(json, 'utf8');
    const conditions =
      options.ifMatch === null ? { ifNoneMatch: '*' } : options.ifMatch === undefined ? undefined : { ifMatch: options.ifMatch };
    try {
      const response = await this.container.getBlockBlobClient(encodeKey(key)).upload(body, body.length, {
        conditions,
        blobHTTPHeaders: { blobContentType: 'application/json; charset=utf-8' },
      });
      if (!response.etag) throw new StorageError('set (no eTag in response)', key);
      return response.etag;
    } catch (err) {
      if (err instanceof StorageError) throw err;
      const { status, code } = failure(err);
      // 412: eTag differs; 409: exists though ifNoneMatch '*'; 404 with an eTag: it was deleted.
      const conflict = status === 412 || status === 409 || (status === 404 && code === 'BlobNotFound' && conditions !== undefined);
      if (conflict) throw new StorageConflictError(key);
      throw new StorageError('set', key, status, code);
    }
  }

  async delete(key: string): Promise<void> {
    try {
      await this.container.getBlobClient(encodeKey(key)).delete();
    } catch (err) {
      const { status, code } = failure(err);
      if (status === 404 && code === 'BlobNotFound') return;
      throw new StorageError('delete', key, status, code);
    }
  }

  async list(prefix: string): Promise<string[]> {
    const keys: string[] = [];
    try {
      for await (const blob of this.container.listBlobsFlat({ prefix: encodeKey(prefix) })) keys.push(decodeKey(blob.name));
    } catch (err) {
      const { status, code } = failure(err);
      throw new StorageError('list', prefix, status, code);
    }
    return keys.sort(compareKeys);
  }

  /** Nothing to release: the SDK's HTTP agent closes idle sockets itself. */
  async close(): Promise<void> {}
}
