import path from 'node:path';
import { MemoryDirectoryRepository, type Person, type Unit } from '../../../src/directory';
import {
  QuizServiceImpl,
  type AttemptStore,
  type Contest,
  type QuizOutcome,
  type QuizServiceImplOptions,
  type QuizUser,
} from '../../../src/quiz';
import { openSqliteDatabase, SqliteAttemptStore, type SqliteDatabase } from '../../../src/storage';
import { makeTempDir } from '../../helpers/temp-dir';
import { makeBank, makeContest, MINUTE, T0 } from './fixtures';

export const units: Unit[] = [
  { code: 'CT', name: 'UBND thành phố Cần Thơ' },
  { code: 'CT-SNV', name: 'Sở Nội vụ', parentCode: 'CT' },
  { code: 'CT-SNV-TCBC', name: 'Phòng Tổ chức, biên chế', parentCode: 'CT-SNV' },
  { code: 'BT', name: 'UBND tỉnh Bến Tre' },
];

const person = (userId: string, unitCode: string, role: Person['role']): Person => ({
  userId,
  fullName: userId,
  email: `${userId}@example.gov.vn`,
  unitCode,
  role,
});

/** `loc` is deep in CT, `phuc` manages CT-SNV, `an` is in another province; `guest` is unknown. */
export const people: Person[] = [
  person('loc', 'CT-SNV-TCBC', 'official'),
  person('phuc', 'CT-SNV', 'manager'),
  person('an', 'BT', 'official'),
];

/** Two topics: "a" (6 questions) and "b" (4); 4 options each, answer of `<t>-<n>` is n % 4. */
export const bank = makeBank({ a: 6, b: 4 });

/** A conversation reference as the bot stores it; `channel` tells devices apart. */
export const conversationOf = (userId: string, channel = 'msteams') => ({
  channelId: channel,
  serviceUrl: 'http://127.0.0.1:9/',
  conversation: { id: `${channel}-${userId}` },
  user: { id: userId },
  bot: { id: 'bot' },
});

export const userOf = (userId: string, channel = 'msteams'): QuizUser => ({
  userId,
  conversation: conversationOf(userId, channel),
});

export const contests: Contest[] = [
  // 3 of "a" + 2 of "b", 10 minutes, open 30 days from T0, review after close, no tiebreak.
  makeContest(),
  makeContest({
    id: 'co-du-doan',
    tiebreak: { question: 'Dự đoán số người tham gia?', unit: 'người' },
    review: 'after-submit',
    maxAttempts: 2,
  }),
  makeContest({ id: 'chua-mo', opensAt: T0 + 60 * MINUTE }),
  makeContest({ id: 'da-dong', opensAt: T0 - 60 * MINUTE, closesAt: T0 }),
  makeContest({ id: 'chi-snv', audience: { units: ['CT-SNV'], roles: [] } }),
  makeContest({ id: 'chi-lanh-dao', audience: { units: [], roles: ['manager'] } }),
  makeContest({ id: 'sap-dong', closesAt: T0 + 3 * MINUTE }),
  makeContest({ id: 'khong-xem-lai', review: 'never' }),
];

export interface ServiceFixture {
  service: QuizServiceImpl;
  store: AttemptStore;
  db: SqliteDatabase;
  dbFile: string;
  clock: { now: number };
  wakes: number[];
  /** A second service on the same database file, as after a restart. */
  restart: () => ServiceFixture;
  close: () => void;
}

/**
 * `QuizServiceImpl` on the real SQLite store (a temp file) and an in-memory directory, with a
 * settable clock (starting at `T0 + 1 minute`), counting ids and seeds.
 */
export async function makeService(
  over: Partial<QuizServiceImplOptions> = {},
): Promise<ServiceFixture> {
  const tmp = makeTempDir('quiz-service-');
  const dbFile = path.join(tmp.dir, 'bot.sqlite');
  const directory = new MemoryDirectoryRepository();
  await directory.replaceAll(units, people);
  const clock = { now: T0 + MINUTE };
  const dbs: SqliteDatabase[] = [];
  let ids = 0;
  let seeds = 0;
  const build = (): ServiceFixture => {
    const db = openSqliteDatabase({ file: dbFile });
    dbs.push(db);
    const store = new SqliteAttemptStore(db);
    const wakes: number[] = [];
    const service = new QuizServiceImpl({
      bank,
      contests,
      store,
      directory,
      clock: () => clock.now,
      newId: () => `attempt-${++ids}`,
      newSeed: () => ++seeds * 7919,
      practiceCount: 5,
      onWake: (at) => wakes.push(at),
      ...over,
    });
    return {
      service,
      store,
      db,
      dbFile,
      clock,
      wakes,
      restart: build,
      close: () => {
        for (const d of dbs) if (d.open) d.close();
        tmp.remove();
      },
    };
  };
  return build();
}

/** Narrows an outcome to one kind, failing the test with the actual outcome otherwise. */
export function expectKind<K extends QuizOutcome['kind']>(
  outcome: QuizOutcome | undefined,
  kind: K,
): Extract<QuizOutcome, { kind: K }> {
  if (outcome?.kind !== kind) {
    throw new Error(`expected a "${kind}" outcome, got ${JSON.stringify(outcome)?.slice(0, 300)}`);
  }
  return outcome as Extract<QuizOutcome, { kind: K }>;
}

export function expectRejected(outcome: QuizOutcome | undefined, reason: string): void {
  expect(outcome).toMatchObject({ kind: 'rejected', reason });
}

/** The button payload for an option of the question an outcome shows. */
export function button(outcome: QuizOutcome | undefined, choice: 'right' | 'wrong' | number) {
  const q = expectKind(outcome, 'question');
  const c =
    choice === 'right'
      ? q.question.correctChoice
      : choice === 'wrong'
        ? (q.question.correctChoice + 1) % q.question.options.length
        : choice;
  return { kind: 'button' as const, attemptId: q.attempt.id, index: q.question.index, choice: c };
}

/** The option letter of a choice, as a person types it. */
export const letter = (choice: number) => String.fromCharCode('A'.charCodeAt(0) + choice);
