import {
  ConversationState,
  MemoryStorage,
  TestAdapter,
  TurnContext,
  type Storage,
  type StoreItems,
} from 'botbuilder';
import { SnapshotConversationState } from '../../../src/bot';

/** Counts the storage calls, over a MemoryStorage. */
class CountingStorage implements Storage {
  readonly inner = new MemoryStorage();
  reads = 0;
  writes: StoreItems[] = [];
  deletes = 0;
  read(keys: string[]) {
    this.reads++;
    return this.inner.read(keys);
  }
  write(changes: StoreItems) {
    this.writes.push(JSON.parse(JSON.stringify(changes)) as StoreItems);
    return this.inner.write(changes);
  }
  delete(keys: string[]) {
    this.deletes++;
    return this.inner.delete(keys);
  }
}

const adapter = new TestAdapter();
const turn = (conversation = 'c1') =>
  new TurnContext(adapter, {
    type: 'message',
    channelId: 'test',
    conversation: { id: conversation, isGroup: false, conversationType: '', name: '' },
    from: { id: 'u1', name: '' },
    recipient: { id: 'bot', name: '' },
    text: 'hi',
  });

describe('SnapshotConversationState', () => {
  it('uses the same storage key as ConversationState, so existing state is read', async () => {
    const storage = new CountingStorage();
    const plain = new ConversationState(storage);
    const before = turn();
    await plain.createProperty<{ n: number }>('ask').set(before, { n: 1 });
    await plain.saveChanges(before);
    const state = new SnapshotConversationState(storage);
    expect(await state.createProperty<{ n: number }>('ask').get(turn())).toEqual({ n: 1 });
  });

  it('reads once per turn and writes only what changed', async () => {
    const storage = new CountingStorage();
    const state = new SnapshotConversationState(storage);
    const ask = state.createProperty<{ lastQuery?: string }>('ask');

    const first = turn();
    expect(await ask.get(first, {})).toEqual({});
    await ask.get(first);
    await state.saveChanges(first);
    expect(storage.reads).toBe(1);
    // The default value is a change: it is written, as ConversationState does.
    expect(storage.writes).toHaveLength(1);

    const unchanged = turn();
    await ask.get(unchanged, {});
    await state.saveChanges(unchanged);
    expect(storage.writes).toHaveLength(1);

    const changed = turn();
    const value = await ask.get(changed, {});
    value.lastQuery = 'chữ ký số';
    await state.saveChanges(changed);
    expect(storage.writes).toHaveLength(2);
    expect(storage.writes[1]).toEqual({
      'test/conversations/c1/': { ask: { lastQuery: 'chữ ký số' }, eTag: '*' },
    });
    // Saved: a second save in the same turn writes nothing.
    await state.saveChanges(changed);
    expect(storage.writes).toHaveLength(2);

    const forced = turn();
    await state.saveChanges(forced, true);
    expect(storage.writes).toHaveLength(3);
  });

  it('clear empties the state and the next save writes it; delete removes it', async () => {
    const storage = new CountingStorage();
    const state = new SnapshotConversationState(storage);
    const ask = state.createProperty<{ lastQuery?: string }>('ask');
    const t = turn();
    await ask.set(t, { lastQuery: 'x' });
    await state.saveChanges(t);

    const cleared = turn();
    await ask.get(cleared);
    await state.clear(cleared);
    expect(state.get(cleared)).toEqual({});
    await state.saveChanges(cleared);
    expect(await ask.get(turn())).toBeUndefined();

    const deleted = turn();
    await ask.set(deleted, { lastQuery: 'y' });
    await state.saveChanges(deleted);
    await state.delete(deleted);
    expect(state.get(deleted)).toBeUndefined();
    expect(storage.deletes).toBe(1);
    expect(await storage.inner.read(['test/conversations/c1/'])).toEqual({});
  });

  it('copes with a circular state (botbuilder serialiser as a fallback)', async () => {
    const writes: StoreItems[] = [];
    const storage: Storage = {
      read: () => Promise.resolve({}),
      write: (changes) => Promise.resolve(void writes.push(changes)),
      delete: () => Promise.resolve(),
    };
    const state = new SnapshotConversationState(storage);
    const t = turn();
    const loaded = await state.load(t);
    const loop: Record<string, unknown> = {};
    loop.self = loop;
    loaded.loop = loop;
    await expect(state.saveChanges(t)).resolves.toBeUndefined();
    expect(writes).toHaveLength(1);
  });
});
