import { MemoryStorage } from 'botbuilder';
import { describeStorageContract } from './storage-contract';

describeStorageContract('MemoryStorage', () => ({ storage: new MemoryStorage() }));
