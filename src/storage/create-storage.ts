import type { StorageConfig } from '../config/config';
import type { Logger } from '../log/logger';
import { MemoryStorage } from './memory-storage';
import { SqliteStorage } from './sqlite-storage';
import type { Storage } from './storage';

/** Opens the store the configuration names. Logs where data lives, never the connection string. */
export async function createStorage(config: StorageConfig, logger: Logger): Promise<Storage> {
  switch (config.kind) {
    case 'memory':
      logger.warn({ storage: 'memory' }, 'storage is in memory: state is lost on restart');
      return new MemoryStorage();
    case 'sqlite':
      logger.info({ storage: 'sqlite', path: config.path }, 'storage opened');
      return new SqliteStorage(config.path, {
        onFileLost: (path) =>
          logger.error(
            { storage: 'sqlite', path },
            'the SQLite file or its write-ahead log (-wal) was deleted or replaced while the bot runs: every write is refused from now on (forms are not sent). Restore the file or restart.',
          ),
      });
    case 'azure-blob': {
      // @azure/storage-blob and its dependencies are slow to load: only this store needs them.
      const { BlobStorage } = await import('./blob-storage');
      const storage = await BlobStorage.connect({ connectionString: config.connectionString, container: config.container });
      logger.info({ storage: 'azure-blob', container: config.container }, 'storage opened');
      return storage;
    }
  }
}
