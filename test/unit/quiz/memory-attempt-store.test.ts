import { MemoryActivityDedup, MemoryAttemptStore } from '../../../src/quiz';
import {
  describeActivityDedupContract,
  describeAttemptStoreContract,
} from './attempt-store-contract';

describeAttemptStoreContract('MemoryAttemptStore', () => ({ store: new MemoryAttemptStore() }));

describeActivityDedupContract('MemoryActivityDedup', (clock) => ({
  dedup: new MemoryActivityDedup({ clock }),
}));
