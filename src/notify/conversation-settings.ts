import type { Storage } from '../storage/storage';
import { notifyKeys as keys } from './notify-keys';

export type DigestMode = 'off' | 'hourly' | 'daily';

/** `notify digest ...` and `notify quiet ...` of one conversation. */
export interface ConversationSettings {
  digest: DigestMode;
  /** Local times "HH:MM"; the window may cross midnight ("20:00"-"08:00"). */
  quiet?: { start: string; end: string };
  /** IANA zone from the activity's `localTimezone` ("Europe/Berlin"); wins over the offset. */
  timeZone?: string;
  /** Fallback when no zone is known: minutes east of UTC. */
  utcOffsetMinutes?: number;
}

const DEFAULT_SETTINGS: ConversationSettings = { digest: 'off' };

export class SettingsStore {
  constructor(private readonly storage: Storage) {}

  async get(conversationKey: string): Promise<ConversationSettings> {
    return (await this.storage.get<ConversationSettings>(keys.settings(conversationKey)))?.value ?? DEFAULT_SETTINGS;
  }

  async set(conversationKey: string, settings: ConversationSettings): Promise<void> {
    await this.storage.set(keys.settings(conversationKey), settings);
  }
}
