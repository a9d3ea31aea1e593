import { createLogger } from '../../../src/logger';
import {
  OutboxRelay,
  SqliteOutbox,
  type ResultSink,
  type SinkEntry,
  type SinkOutcome,
} from '../../../src/results';
import { openSqliteDatabase, type SqliteDatabase } from '../../../src/storage';
import { makeResultEvent } from '../../helpers/result-events';

/** A sink that records what it got and answers as told. */
class FakeSink implements ResultSink {
  readonly kind = 'fake';
  available = true;
  received: SinkEntry[][] = [];
  answer: (entries: readonly SinkEntry[]) => Promise<SinkOutcome[]> = async (entries) =>
    entries.map(() => ({ ok: true }));
  isAvailable(): boolean {
    return this.available;
  }
  deliver(entries: readonly SinkEntry[]): Promise<SinkOutcome[]> {
    this.received.push([...entries]);
    return this.answer(entries);
  }
}

describe('OutboxRelay', () => {
  let db: SqliteDatabase;
  let outbox: SqliteOutbox;
  let sink: FakeSink;
  let now: number;
  const relay = (extra: Partial<ConstructorParameters<typeof OutboxRelay>[0]> = {}) =>
    new OutboxRelay({
      outbox,
      sink,
      logger: createLogger('silent'),
      backoffMs: 100,
      maxBackoffMs: 1000,
      batchSize: 3,
      now: () => now,
      ...extra,
    });

  beforeEach(() => {
    db = openSqliteDatabase({ file: ':memory:' });
    outbox = new SqliteOutbox(db);
    sink = new FakeSink();
    now = 10_000;
  });
  afterEach(() => db.close());

  it('hands rows over oldest first in batches and marks them sent after the acknowledgement', async () => {
    for (let i = 1; i <= 4; i++) outbox.enqueue(makeResultEvent(i), now);
    let backlogDuringDelivery = -1;
    sink.answer = async (entries) => {
      backlogDuringDelivery = outbox.backlog();
      return entries.map(() => ({ ok: true }));
    };
    const r = relay();
    expect(await r.runOnce()).toBe(3);
    expect(backlogDuringDelivery).toBe(4);
    expect(sink.received[0]!.map((e) => e.attemptId)).toEqual([
      'attempt-000001',
      'attempt-000002',
      'attempt-000003',
    ]);
    expect(sink.received[0]![0]!.data).toEqual(makeResultEvent(1));
    expect(await r.runOnce()).toBe(1);
    expect(await r.runOnce()).toBe(0);
    expect(outbox.backlog()).toBe(0);
  });

  it('keeps failed rows and retries them with a doubling, capped backoff', async () => {
    outbox.enqueue(makeResultEvent(1), now);
    sink.answer = () => Promise.reject(new Error('Connection is closed.'));
    const r = relay();
    const retries: number[] = [];
    for (let k = 0; k < 6; k++) {
      expect(await r.runOnce()).toBe(0);
      const row = db.prepare('SELECT next_try_at, tries, last_error FROM results_outbox').get() as {
        next_try_at: number;
        tries: number;
        last_error: string;
      };
      expect(row.last_error).toBe('Connection is closed.');
      retries.push(row.next_try_at - now);
      expect(await r.runOnce()).toBe(0); // not due yet: not even offered to the sink
      now = row.next_try_at;
    }
    expect(retries).toEqual([100, 200, 400, 800, 1000, 1000]);
    expect(sink.received).toHaveLength(6);
    sink.answer = async (entries) => entries.map(() => ({ ok: true }));
    expect(await r.runOnce()).toBe(1);
    expect(outbox.backlog()).toBe(0);
  });

  it('marks only the acknowledged rows of a partly failed batch', async () => {
    for (let i = 1; i <= 3; i++) outbox.enqueue(makeResultEvent(i), now);
    sink.answer = async (entries) =>
      entries.map((e) =>
        e.attemptId === 'attempt-000002' ? { ok: false, error: 'x' } : { ok: true },
      );
    expect(await relay().runOnce()).toBe(2);
    expect(outbox.due(now + 60_000, 10).map((r) => r.attemptId)).toEqual(['attempt-000002']);
  });

  it('treats a delivery without acknowledgement in time as failed', async () => {
    outbox.enqueue(makeResultEvent(1), now);
    sink.answer = () => new Promise(() => undefined);
    expect(await relay({ deliveryTimeoutMs: 50 }).runOnce()).toBe(0);
    expect(outbox.backlog()).toBe(1);
    expect(db.prepare('SELECT last_error FROM results_outbox').get()).toEqual({
      last_error: 'no acknowledgement within 50 ms',
    });
  });

  it('does not offer rows while the sink is unavailable', async () => {
    outbox.enqueue(makeResultEvent(1), now);
    sink.available = false;
    const r = relay();
    expect(await r.runOnce()).toBe(0);
    expect(sink.received).toHaveLength(0);
    sink.available = true;
    expect(await r.runOnce()).toBe(1);
  });

  it('passes a payload that is not JSON through as text (the consumer dead-letters it)', async () => {
    db.prepare(
      "INSERT INTO results_outbox (attempt_id, payload, created_at, next_try_at) VALUES ('z', '{oops', 0, 0)",
    ).run();
    await relay().runOnce();
    expect(sink.received[0]).toEqual([{ attemptId: 'z', data: '{oops' }]);
  });

  it('runs in the background: drains, sleeps, wakes on notify, stops cleanly', async () => {
    const r = new OutboxRelay({
      outbox,
      sink,
      logger: createLogger('silent'),
      backoffMs: 100,
      batchSize: 2,
      pollMs: 60_000,
    });
    for (let i = 1; i <= 5; i++) outbox.enqueue(makeResultEvent(i));
    r.start();
    await waitFor(() => outbox.backlog() === 0);
    expect(sink.received.map((b) => b.length)).toEqual([2, 2, 1]);
    outbox.enqueue(makeResultEvent(6));
    r.notify();
    await waitFor(() => outbox.backlog() === 0);
    await r.stop();
    outbox.enqueue(makeResultEvent(7));
    r.notify();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(outbox.backlog()).toBe(1);
  });
});

async function waitFor(check: () => boolean, timeoutMs = 5000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
