import path from 'node:path';
import Database from 'better-sqlite3';
import { InvalidInputError, NotFoundError } from '../../../src/errors';
import type { Citation } from '../../../src/knowledge/types';
import {
  openSqliteDatabase,
  SqliteFeedbackStore,
  type NewAnswer,
  type SqliteDatabase,
  type VoteInput,
} from '../../../src/storage';
import { makeTempDir } from '../../helpers/temp-dir';

const citation: Citation = {
  docId: 'luat-gddt-2023',
  number: '20/2023/QH15',
  title: 'Luật Giao dịch điện tử',
  section: 'Điều 23',
  status: 'in-force',
  url: 'https://vbpl.vn/example',
};

const answer = (over: Partial<NewAnswer> = {}): NewAnswer => ({
  conversationId: 'conv-1',
  userId: 'user-1',
  channelId: 'msteams',
  question: 'Chữ ký số có giá trị như chữ ký tay không?',
  query: 'Chữ ký số có giá trị như chữ ký tay không?',
  answered: true,
  citations: [citation],
  ...over,
});

describe('SqliteFeedbackStore', () => {
  const tmp = makeTempDir();
  const file = path.join(tmp.dir, 'feedback.sqlite');
  let db: SqliteDatabase;
  let store: SqliteFeedbackStore;
  let clock = new Date('2025-03-01T08:00:00Z');

  const rows = (sql: string): unknown[] => {
    const raw = new Database(file, { readonly: true });
    try {
      return raw.prepare(sql).all();
    } finally {
      raw.close();
    }
  };

  beforeAll(() => {
    db = openSqliteDatabase({ file });
    store = new SqliteFeedbackStore(db, { now: () => clock });
  });
  afterAll(() => {
    db.close();
    tmp.remove();
  });

  it('records an answer with a unique id and reads it back', async () => {
    const a = await store.recordAnswer(answer());
    const b = await store.recordAnswer(answer());
    expect(a.id).not.toBe(b.id);
    expect(await store.getAnswer(a.id)).toEqual({ ...answer(), id: a.id, createdAt: clock });
    expect(rows(`SELECT answered, citations FROM answers WHERE id = '${a.id}'`)).toEqual([
      { answered: 1, citations: JSON.stringify([citation]) },
    ]);
  });

  it('commits answers recorded concurrently, each durable once its promise resolves', async () => {
    const records = await Promise.all(
      Array.from({ length: 25 }, (_, i) => store.recordAnswer(answer({ userId: `batch-${i}` }))),
    );
    expect(new Set(records.map((r) => r.id)).size).toBe(25);
    expect(rows("SELECT COUNT(*) AS n FROM answers WHERE user_id LIKE 'batch-%'")).toEqual([
      { n: 25 },
    ]);
    const single = await store.recordAnswer(answer({ userId: 'single' }));
    expect(rows(`SELECT user_id FROM answers WHERE id = '${single.id}'`)).toEqual([
      { user_id: 'single' },
    ]);
  });

  it('commits a batch larger than one INSERT takes, every row once', async () => {
    const records = await Promise.all(
      Array.from({ length: 70 }, (_, i) =>
        store.recordAnswer(answer({ userId: `big-${i}`, query: `q${i}` })),
      ),
    );
    expect(rows("SELECT COUNT(*) AS n FROM answers WHERE user_id LIKE 'big-%'")).toEqual([
      { n: 70 },
    ]);
    for (const r of [records[0]!, records[33]!, records[69]!]) {
      expect(await store.getAnswer(r.id)).toEqual(r);
    }
  });

  it('rejects only the answer that cannot be stored, and stores the rest of its batch', async () => {
    db.exec(`CREATE TRIGGER refuse_boom BEFORE INSERT ON answers WHEN NEW.question = 'boom'
             BEGIN SELECT RAISE(ABORT, 'refused'); END`);
    try {
      const settled = await Promise.allSettled(
        ['before', 'boom', 'after'].map((question) =>
          store.recordAnswer(answer({ question, userId: 'partial' })),
        ),
      );
      expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
      expect((settled[1] as PromiseRejectedResult).reason).toMatchObject({ message: 'refused' });
      expect(
        rows("SELECT question FROM answers WHERE user_id = 'partial' ORDER BY question"),
      ).toEqual([{ question: 'after' }, { question: 'before' }]);
    } finally {
      db.exec('DROP TRIGGER refuse_boom');
    }
  });

  it('keeps one vote per user per answer, the latest replacing the first', async () => {
    const a = await store.recordAnswer(answer());
    const vote: VoteInput = { answerId: a.id, conversationId: 'conv-1', userId: 'u9', vote: 'up' };
    expect(await store.recordVote(vote)).toBe('recorded');
    expect(await store.recordVote({ ...vote, vote: 'down' })).toBe('replaced');
    expect(await store.recordVote({ ...vote, userId: 'u10' })).toBe('recorded');
    expect(
      rows(`SELECT user_id, vote FROM answer_votes WHERE answer_id = '${a.id}' ORDER BY user_id`),
    ).toEqual([
      { user_id: 'u10', vote: 'up' },
      { user_id: 'u9', vote: 'down' },
    ]);
  });

  it.each([
    ['unknown answer id', { answerId: 'f0f0f0f0-0000-4000-8000-000000000000' }, NotFoundError],
    ['answer from another conversation', { conversationId: 'conv-2' }, NotFoundError],
    ['vote value not up/down', { vote: 'sideways' }, InvalidInputError],
    ['vote of the wrong type', { vote: 1 }, InvalidInputError],
    ['answer id of the wrong type', { answerId: { $ne: null } }, InvalidInputError],
    ['empty user id', { userId: '  ' }, InvalidInputError],
  ])('rejects a forged vote (%s) and stores nothing', async (_case, over, errorClass) => {
    const a = await store.recordAnswer(answer());
    const before = rows('SELECT * FROM answer_votes');
    const forged = { answerId: a.id, conversationId: 'conv-1', userId: 'u1', vote: 'up', ...over };
    await expect(store.recordVote(forged as VoteInput)).rejects.toBeInstanceOf(errorClass);
    expect(rows('SELECT * FROM answer_votes')).toEqual(before);
  });

  it('rejects a malformed answer record', async () => {
    await expect(
      store.recordAnswer({ ...answer(), conversationId: '' } as NewAnswer),
    ).rejects.toBeInstanceOf(InvalidInputError);
  });

  it('lists unanswered questions grouped, most recent first, since a date', async () => {
    clock = new Date('2025-03-02T08:00:00Z');
    await store.recordAnswer(answer({ answered: false, question: 'Lương hưu bao nhiêu?' }));
    clock = new Date('2025-03-03T08:00:00Z');
    await store.recordAnswer(answer({ answered: false, question: 'Thời tiết mai thế nào?' }));
    clock = new Date('2025-03-04T08:00:00Z');
    await store.recordAnswer(answer({ answered: false, question: 'Lương hưu bao nhiêu?' }));
    expect(await store.listUnanswered()).toEqual([
      { question: 'Lương hưu bao nhiêu?', times: 2, lastAskedAt: clock },
      {
        question: 'Thời tiết mai thế nào?',
        times: 1,
        lastAskedAt: new Date('2025-03-03T08:00:00Z'),
      },
    ]);
    expect(await store.listUnanswered({ since: new Date('2025-03-03T12:00:00Z') })).toHaveLength(1);
    expect(await store.listUnanswered({ limit: 1 })).toHaveLength(1);
  });

  it('keeps what the knowledge base lacked for an unanswered question', async () => {
    clock = new Date('2025-03-05T08:00:00Z');
    const question = 'Lương cơ sở năm 2026 là bao nhiêu?';
    const a = await store.recordAnswer(
      answer({ answered: false, citations: [], question, missing: ['lương'] }),
    );
    const b = await store.recordAnswer(answer({ answered: false, citations: [], question }));
    expect(await store.getAnswer(a.id)).toMatchObject({ missing: ['lương'] });
    expect(await store.getAnswer(b.id)).not.toHaveProperty('missing');
    const [latest] = await store.listUnanswered({ since: clock });
    expect(latest).toEqual({ question, times: 2, lastAskedAt: clock, missing: ['lương'] });
    await expect(
      store.recordAnswer({ ...answer(), missing: [42] } as unknown as NewAnswer),
    ).rejects.toBeInstanceOf(InvalidInputError);
  });

  it('adds the column to a database made by the first version, keeping its answers', () => {
    const old = new Database(path.join(tmp.dir, 'v1.sqlite'));
    old.exec(`CREATE TABLE schema_version (scope TEXT PRIMARY KEY, version INTEGER NOT NULL,
                updated_at TEXT NOT NULL);
              INSERT INTO schema_version VALUES ('feedback', 1, '2025-01-01');
              CREATE TABLE answers (id TEXT PRIMARY KEY, conversation_id TEXT NOT NULL,
                user_id TEXT NOT NULL, channel_id TEXT NOT NULL, question TEXT NOT NULL,
                query TEXT NOT NULL, answered INTEGER NOT NULL, citations TEXT NOT NULL,
                created_at TEXT NOT NULL);
              CREATE TABLE answer_votes (answer_id TEXT NOT NULL, user_id TEXT NOT NULL,
                vote TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
                PRIMARY KEY (answer_id, user_id));
              INSERT INTO answers VALUES ('a1', 'c', 'u', 'webchat', 'q', 'q', 0, '[]',
                '2025-01-01T00:00:00.000Z');`);
    new SqliteFeedbackStore(old);
    expect(old.prepare('SELECT id, missing FROM answers').all()).toEqual([
      { id: 'a1', missing: null },
    ]);
    expect(
      old.prepare("SELECT version FROM schema_version WHERE scope = 'feedback'").get(),
    ).toEqual({ version: 2 });
    old.close();
  });
});

describe('SqliteFeedbackStore.close', () => {
  const tmp = makeTempDir();
  afterAll(() => tmp.remove());

  it('commits the answers waiting for their batch before the database closes', async () => {
    const file = path.join(tmp.dir, 'closing.sqlite');
    const db = openSqliteDatabase({ file });
    const store = new SqliteFeedbackStore(db);
    // Recorded in the same event-loop turn as the shutdown: the batch has not run yet.
    const pending = [
      store.recordAnswer(answer({ userId: 'late-1' })),
      store.recordAnswer(answer({ userId: 'late-2' })),
    ];
    store.close();
    db.close();
    const records = await Promise.all(pending);
    const raw = new Database(file, { readonly: true });
    try {
      expect(raw.prepare('SELECT id, user_id FROM answers ORDER BY user_id').all()).toEqual(
        records.map((r) => ({ id: r.id, user_id: r.userId })),
      );
    } finally {
      raw.close();
    }
  });

  it('refuses answers after close, with a message, and stores nothing', async () => {
    const file = path.join(tmp.dir, 'closed.sqlite');
    const db = openSqliteDatabase({ file });
    const store = new SqliteFeedbackStore(db);
    store.close();
    store.close();
    await expect(store.recordAnswer(answer())).rejects.toThrow('Feedback store closed');
    expect(db.prepare('SELECT COUNT(*) AS n FROM answers').get()).toEqual({ n: 0 });
    db.close();
  });
});
