import { StorageConflictError, type Storage } from '../storage/storage';

/**
 * Records that a conversation got its welcome card: a create-only write of
 * `welcomed/<conversation id>`. True the first time only, across restarts and instances too
 * (Teams announces an install twice: installationUpdate and conversationUpdate).
 */
export async function firstWelcome(storage: Storage, conversationId: string, at: Date): Promise<boolean> {
  return firstTime(storage, `welcomed/${conversationId}`, at);
}

/** True the first time a group chat or channel gets the "@MMD Assist help" hint, false after. */
export async function firstGroupHint(storage: Storage, conversationId: string, at: Date): Promise<boolean> {
  return firstTime(storage, `group-hint/${conversationId}`, at);
}

async function firstTime(storage: Storage, key: string, at: Date): Promise<boolean> {
  try {
    await storage.set(key, { at: at.toISOString() }, { ifMatch: null });
    return true;
  } catch (err) {
    if (err instanceof StorageConflictError) return false;
    throw err;
  }
}
