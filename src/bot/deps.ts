import type { AppConfig } from '../config/config';
import type { Logger } from '../log/logger';
import type { MmdClient } from '../mmd/mmd-client';
import type { Storage } from '../storage/storage';

/** What every handler may use. Built once in src/app.ts. */
export interface BotDeps {
  config: AppConfig;
  mmd: MmdClient;
  storage: Storage;
  logger: Logger;
  /** The clock (tests pin it). */
  now: () => Date;
}
