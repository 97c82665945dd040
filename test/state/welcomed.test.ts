import { MemoryStorage } from '../../src/storage/memory-storage';
import { firstWelcome } from '../../src/state/welcomed';

describe('firstWelcome', () => {
  it('is true once per conversation', async () => {
    const storage = new MemoryStorage();
    const at = new Date('2030-01-01T00:00:00Z');
    expect(await firstWelcome(storage, 'c-1', at)).toBe(true);
    expect(await firstWelcome(storage, 'c-1', at)).toBe(false);
    expect(await firstWelcome(storage, 'c-2', at)).toBe(true);
  });
});
