import { MemoryActivityDedup, MemoryAttemptStore } from '../../../src/quiz';
import {
  describeActivityDedupContract,
  describeAttemptStoreContract,
} from './attempt-store-contract';

describeAttemptStoreContract('MemoryAttemptStore', () => {
  const activities = new MemoryActivityDedup();
  return { store: new MemoryAttemptStore({ activities }), activities };
});

describeActivityDedupContract('MemoryActivityDedup', (clock) => ({
  dedup: new MemoryActivityDedup({ clock }),
}));
