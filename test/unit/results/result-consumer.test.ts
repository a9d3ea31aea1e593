import {
  InProcessResultSink,
  KyselyDeadLetterStore,
  KyselyResultStore,
  openSqliteResultsDatabase,
  ResultConsumer,
  type SqliteResultsDatabase,
} from '../../../src/results';
import { createLogger } from '../../../src/logger';
import { makeResultEvent } from '../../helpers/result-events';

describe('ResultConsumer', () => {
  let database: SqliteResultsDatabase;
  let results: KyselyResultStore;
  let deadLetters: KyselyDeadLetterStore;
  let consumer: ResultConsumer;

  beforeEach(async () => {
    database = await openSqliteResultsDatabase(':memory:');
    results = new KyselyResultStore(database.db);
    deadLetters = new KyselyDeadLetterStore(database.db);
    consumer = new ResultConsumer({
      results,
      deadLetters,
      logger: createLogger('silent'),
      now: () => new Date('2026-11-02T05:00:00.000Z'),
    });
  });
  afterEach(() => database.close());

  it('stores a valid event once; the re-delivery is a duplicate', async () => {
    const event = makeResultEvent(1);
    const delivery = { id: event.attemptId, source: 'queue' as const, data: event };
    expect(await consumer.consume(delivery)).toEqual({
      outcome: 'stored',
      attemptId: event.attemptId,
    });
    expect(await consumer.consume(delivery)).toEqual({
      outcome: 'duplicate',
      attemptId: event.attemptId,
    });
    expect(await results.count()).toBe(1);
    expect(await deadLetters.count()).toBe(0);
  });

  it('dead-letters a schema-invalid event with the reason and stores nothing', async () => {
    const bad = { ...makeResultEvent(2), score: 'high' };
    const outcome = await consumer.consume({ id: 'job-9', source: 'queue', data: bad });
    expect(outcome).toEqual({
      outcome: 'dead-lettered',
      reason: expect.stringMatching(/^invalid result event: score: /) as string,
    });
    expect(await results.count()).toBe(0);
    expect(await deadLetters.list()).toEqual([
      {
        id: 'job-9',
        attemptId: 'attempt-000002',
        source: 'queue',
        reason: (outcome as { reason: string }).reason,
        payload: JSON.stringify(bad),
        receivedAt: '2026-11-02T05:00:00.000Z',
      },
    ]);
  });

  it('dead-letters text that is not JSON, keeping it as received', async () => {
    await consumer.consume({ id: 'x', source: 'outbox', data: '{not json' });
    const [letter] = await deadLetters.list();
    expect(letter).toMatchObject({ id: 'x', attemptId: null, payload: '{not json' });
  });

  it('rejects when the store fails, so the delivery is retried', async () => {
    await database.close();
    await expect(
      consumer.consume({ id: 'a', source: 'queue', data: makeResultEvent(3) }),
    ).rejects.toThrow();
  });
});

describe('InProcessResultSink', () => {
  it('acknowledges stored, duplicate and dead-lettered entries; fails only on store errors', async () => {
    const database = await openSqliteResultsDatabase(':memory:');
    const results = new KyselyResultStore(database.db);
    const deadLetters = new KyselyDeadLetterStore(database.db);
    let failNext = false;
    const flaky = {
      save: (e: Parameters<typeof results.save>[0]) => {
        if (failNext) {
          failNext = false;
          return Promise.reject(new Error('disk full'));
        }
        return results.save(e);
      },
      get: results.get.bind(results),
      listForUser: results.listForUser.bind(results),
      count: results.count.bind(results),
    };
    const sink = new InProcessResultSink(
      new ResultConsumer({ results: flaky, deadLetters, logger: createLogger('silent') }),
    );
    const e1 = makeResultEvent(1);
    expect(
      await sink.deliver([
        { attemptId: e1.attemptId, data: e1 },
        { attemptId: e1.attemptId, data: e1 },
        { attemptId: 'bad', data: { nope: true } },
      ]),
    ).toEqual([{ ok: true }, { ok: true }, { ok: true }]);
    failNext = true;
    const e2 = makeResultEvent(2);
    expect(await sink.deliver([{ attemptId: e2.attemptId, data: e2 }])).toEqual([
      { ok: false, error: 'disk full' },
    ]);
    expect(await results.count()).toBe(1);
    expect((await deadLetters.list()).map((l) => [l.id, l.source])).toEqual([['bad', 'outbox']]);
    await database.close();
  });
});
