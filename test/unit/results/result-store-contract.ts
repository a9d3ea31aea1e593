import type { DeadLetterStore, ResultStore } from '../../../src/results';
import { makeResultEvent } from '../../helpers/result-events';

/** Stores under test, fresh and empty for each test. */
export interface ResultStoresUnderTest {
  results: ResultStore;
  deadLetters: DeadLetterStore;
  /** Moves the stores' clock (for `storedAt`/ordering); may be a no-op. */
  setNow(iso: string): void;
}

/** The contract of every ResultStore and DeadLetterStore adapter. */
export function resultStoreContract(
  name: string,
  open: () => Promise<ResultStoresUnderTest & { close(): Promise<void> }>,
): void {
  describe(`${name} (result store contract)`, () => {
    let s: ResultStoresUnderTest & { close(): Promise<void> };
    beforeEach(async () => {
      s = await open();
    });
    afterEach(() => s.close());

    it('stores an event once and reads it back unchanged', async () => {
      const event = makeResultEvent(1);
      s.setNow('2026-11-02T02:00:00.000Z');
      expect(await s.results.save(event)).toBe('stored');
      expect(await s.results.get(event.attemptId)).toEqual({
        event,
        storedAt: '2026-11-02T02:00:00.000Z',
      });
      expect(await s.results.count()).toBe(1);
    });

    it('ignores a re-delivery, even a different one, without touching the stored row', async () => {
      const event = makeResultEvent(2);
      s.setNow('2026-11-02T02:00:00.000Z');
      await s.results.save(event);
      s.setNow('2026-11-02T03:00:00.000Z');
      expect(await s.results.save(event)).toBe('duplicate');
      expect(await s.results.save({ ...event, score: 0, correct: 0 } as never)).toBe('duplicate');
      expect(await s.results.get(event.attemptId)).toEqual({
        event,
        storedAt: '2026-11-02T02:00:00.000Z',
      });
      expect(await s.results.count()).toBe(1);
    });

    it('stores racing saves of the same attempt once', async () => {
      const event = makeResultEvent(3);
      const outcomes = await Promise.all(Array.from({ length: 10 }, () => s.results.save(event)));
      expect(outcomes.filter((o) => o === 'stored')).toHaveLength(1);
      expect(await s.results.count()).toBe(1);
    });

    it('stores many concurrent saves, new and repeated, with the right outcome each', async () => {
      await s.results.save(makeResultEvent(0));
      const events = Array.from({ length: 450 }, (_, i) => makeResultEvent(i % 300));
      const outcomes = await Promise.all(events.map((e) => s.results.save(e)));
      expect(outcomes.filter((o) => o === 'stored')).toHaveLength(299);
      expect(outcomes.filter((o) => o === 'duplicate')).toHaveLength(151);
      expect(await s.results.count()).toBe(300);
      expect((await s.results.get('attempt-000299'))?.event).toEqual(makeResultEvent(299));
    });

    it('keeps practice fields (nulls, no tiebreak) as given', async () => {
      const practice = {
        ...makeResultEvent(4),
        mode: 'practice' as const,
        contestId: null,
        passed: null,
        unitCode: null,
      };
      delete practice.tiebreak;
      await s.results.save(practice);
      expect((await s.results.get(practice.attemptId))?.event).toEqual(practice);
      expect(await s.results.get('missing')).toBeUndefined();
    });

    it('lists one person’s results newest first, limited', async () => {
      // makeResultEvent(i) belongs to user-(i % 7) and is submitted i seconds later.
      for (const i of [0, 7, 14, 21, 1]) await s.results.save(makeResultEvent(i));
      const list = await s.results.listForUser('user-0');
      expect(list.map((r) => r.attemptId)).toEqual([
        'attempt-000021',
        'attempt-000014',
        'attempt-000007',
        'attempt-000000',
      ]);
      expect(list[0]).toEqual({
        attemptId: 'attempt-000021',
        contestId: 'thi-2026',
        mode: 'contest',
        submittedAt: makeResultEvent(21).submittedAt,
        score: 75,
        correct: 3,
        total: 4,
        passed: true,
      });
      expect(await s.results.listForUser('user-0', { limit: 2 })).toHaveLength(2);
      expect(await s.results.listForUser('nobody')).toEqual([]);
    });

    it('keeps the first dead letter per delivery id, newest first', async () => {
      const letter = {
        id: 'job-1',
        attemptId: null,
        source: 'queue' as const,
        reason: 'invalid result event: (root): expected object',
        payload: '"garbage"',
        receivedAt: '2026-11-02T02:00:00.000Z',
      };
      expect(await s.deadLetters.add(letter)).toBe('added');
      expect(await s.deadLetters.add({ ...letter, reason: 'other' })).toBe('duplicate');
      await s.deadLetters.add({ ...letter, id: 'job-2', receivedAt: '2026-11-02T03:00:00.000Z' });
      expect((await s.deadLetters.list()).map((l) => [l.id, l.reason])).toEqual([
        ['job-2', letter.reason],
        ['job-1', letter.reason],
      ]);
      expect(await s.deadLetters.count()).toBe(2);
    });
  });
}
