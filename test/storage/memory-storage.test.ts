import { MemoryStorage } from '../../src/storage/memory-storage';
import { describeStorageConformance } from './conformance';

describeStorageConformance('MemoryStorage', async () => new MemoryStorage());
