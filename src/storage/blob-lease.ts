import { BlobServiceClient, type BlobLeaseClient } from '@azure/storage-blob';
import { encodeKey } from './blob-name';
import { StorageError } from './storage-error';

export interface BlobLeaseOptions {
  /** Secret: never logged, never part of an error. */
  connectionString: string;
  container: string;
  /** The blob that is leased (created empty if missing), e.g. "locks/notify-leader". */
  name: string;
  /** 15 to 60 seconds (Azure's range for a finite lease). */
  durationSeconds: number;
  maxTries?: number;
}

function failure(err: unknown): { status?: number; code?: string } {
  if (typeof err !== 'object' || err === null) return {};
  const status = 'statusCode' in err && typeof err.statusCode === 'number' ? err.statusCode : undefined;
  const code = 'code' in err && typeof err.code === 'string' ? err.code : undefined;
  return { status, code };
}

/**
 * A leader lock on a blob lease: whoever holds the lease is the one instance that does a
 * singleton job. A holder that dies stops renewing and the lease expires after
 * `durationSeconds`; then another instance acquires it.
 */
export class BlobLease {
  private lease: BlobLeaseClient | undefined;
  private ready = false;

  constructor(private readonly options: BlobLeaseOptions) {
    if (options.durationSeconds < 15 || options.durationSeconds > 60) throw new RangeError('A blob lease lasts 15 to 60 seconds');
  }

  private client() {
    let service: BlobServiceClient;
    try {
      service = BlobServiceClient.fromConnectionString(this.options.connectionString, {
        retryOptions: this.options.maxTries === undefined ? undefined : { maxTries: this.options.maxTries },
      });
    } catch {
      throw new StorageError('lease (invalid connection string)', undefined);
    }
    return service.getContainerClient(this.options.container).getBlockBlobClient(encodeKey(this.options.name));
  }

  private async ensureBlob(): Promise<void> {
    if (this.ready) return;
    const blob = this.client();
    try {
      await blob.upload('', 0, { conditions: { ifNoneMatch: '*' } });
    } catch (err) {
      const { status } = failure(err);
      // 409: it exists (and may be leased right now); both mean "there is a blob to lease".
      if (status !== 409 && status !== 412) {
        const { code } = failure(err);
        throw new StorageError('lease (create blob)', this.options.name, status, code);
      }
    }
    this.ready = true;
  }

  /** True when this instance holds the lease now (acquired or renewed). */
  async tryAcquire(): Promise<boolean> {
    await this.ensureBlob();
    const blob = this.client();
    if (this.lease) {
      try {
        await this.lease.renewLease();
        return true;
      } catch {
        // Lost it (expired and taken, or the blob was replaced): try a fresh acquire below.
        this.lease = undefined;
      }
    }
    const lease = blob.getBlobLeaseClient();
    try {
      await lease.acquireLease(this.options.durationSeconds);
      this.lease = lease;
      return true;
    } catch (err) {
      const { status, code } = failure(err);
      if (status === 409) return false; // LeaseAlreadyPresent: someone else leads
      throw new StorageError('lease (acquire)', this.options.name, status, code);
    }
  }

  /** Gives the lease up at once (a clean shutdown), so another instance need not wait. */
  async release(): Promise<void> {
    const lease = this.lease;
    this.lease = undefined;
    if (!lease) return;
    try {
      await lease.releaseLease();
    } catch {
      // Already expired or taken: nothing to give up.
    }
  }
}
