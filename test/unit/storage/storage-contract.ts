import type { Storage } from 'botbuilder';

/**
 * The botbuilder `Storage` contract (as `MemoryStorage` keeps it), run against every adapter.
 * `create` returns a fresh, empty storage and a cleanup function.
 */
export function describeStorageContract(
  name: string,
  create: () => { storage: Storage; cleanup?: () => void },
): void {
  describe(`Storage contract: ${name}`, () => {
    let storage: Storage;
    let cleanup: (() => void) | undefined;

    beforeEach(() => {
      ({ storage, cleanup } = create());
    });
    afterEach(() => cleanup?.());

    it('reads nothing for missing keys', async () => {
      expect(await storage.read(['nope', 'also-nope'])).toEqual({});
      expect(await storage.read([])).toEqual({});
    });

    it('round-trips nested items and gives each an eTag', async () => {
      const item = { topic: 'chữ ký số', turns: 3, nested: { list: [1, 'hai', null] } };
      await storage.write({ 'emulator/conversations/c1/': item });
      const read = await storage.read(['emulator/conversations/c1/', 'missing']);
      expect(Object.keys(read)).toEqual(['emulator/conversations/c1/']);
      expect(read['emulator/conversations/c1/']).toMatchObject(item);
      expect(typeof read['emulator/conversations/c1/'].eTag).toBe('string');
      expect(read['emulator/conversations/c1/'].eTag).not.toBe('');
    });

    it('does not mutate the written object and returns copies', async () => {
      const item = { count: 1 };
      await storage.write({ k: item });
      expect(item).toEqual({ count: 1 });
      const first = await storage.read(['k']);
      first.k.count = 99;
      expect((await storage.read(['k'])).k.count).toBe(1);
    });

    it('changes the eTag on every write', async () => {
      await storage.write({ k: { v: 1 } });
      const e1 = (await storage.read(['k'])).k.eTag;
      await storage.write({ k: { v: 2 } });
      const e2 = (await storage.read(['k'])).k.eTag;
      expect(e2).not.toBe(e1);
    });

    it('writes with the current eTag', async () => {
      await storage.write({ k: { v: 1 } });
      const current = (await storage.read(['k'])).k;
      await storage.write({ k: { ...current, v: 2 } });
      expect((await storage.read(['k'])).k.v).toBe(2);
    });

    it('rejects a write with a stale eTag and keeps the stored value', async () => {
      await storage.write({ k: { v: 1 } });
      const stale = (await storage.read(['k'])).k;
      await storage.write({ k: { ...stale, v: 2 } });
      await expect(storage.write({ k: { ...stale, v: 3 } })).rejects.toThrow(/eTag/);
      expect((await storage.read(['k'])).k.v).toBe(2);
    });

    it("overwrites with eTag '*' or without eTag", async () => {
      await storage.write({ k: { v: 1 } });
      await storage.write({ k: { v: 2, eTag: '*' } });
      expect((await storage.read(['k'])).k.v).toBe(2);
      await storage.write({ k: { v: 3 } });
      expect((await storage.read(['k'])).k.v).toBe(3);
    });

    it('creates a new item even when the write carries an eTag', async () => {
      await storage.write({ fresh: { v: 1, eTag: 'some-old-etag' } });
      expect((await storage.read(['fresh'])).fresh.v).toBe(1);
    });

    it('writes and reads several keys at once, including unusual ones', async () => {
      const keys = ['a/b/c', 'khóa có dấu', 'x'.repeat(500), 'quote\'"key'];
      await storage.write(Object.fromEntries(keys.map((k, i) => [k, { i }])));
      const read = await storage.read(keys);
      keys.forEach((k, i) => expect(read[k].i).toBe(i));
    });

    it('deletes keys and ignores missing ones', async () => {
      await storage.write({ a: { v: 1 }, b: { v: 2 } });
      await storage.delete(['a', 'never-there']);
      expect(Object.keys(await storage.read(['a', 'b']))).toEqual(['b']);
      await storage.write({ a: { v: 3, eTag: 'stale' } });
      expect((await storage.read(['a'])).a.v).toBe(3);
    });
  });
}
