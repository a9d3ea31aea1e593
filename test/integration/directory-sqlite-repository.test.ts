import path from 'node:path';
import Database from 'better-sqlite3';
import { InvalidInputError } from '../../src/errors';
import {
  openSqliteDatabase,
  SqliteDirectoryRepository,
  SqliteFeedbackStore,
  type SqliteDatabase,
} from '../../src/storage';
import { makeTempDir } from '../helpers/temp-dir';
import {
  contractPeople,
  contractUnits,
  describeDirectoryRepositoryContract,
} from '../unit/directory/directory-repository-contract';

describeDirectoryRepositoryContract('SqliteDirectoryRepository (temp file)', () => {
  const tmp = makeTempDir('directory-contract-');
  const db = openSqliteDatabase({ file: path.join(tmp.dir, 'bot.sqlite') });
  return {
    repository: new SqliteDirectoryRepository(db),
    cleanup: () => {
      db.close();
      tmp.remove();
    },
  };
});

describe('SqliteDirectoryRepository on a real file', () => {
  const tmp = makeTempDir('directory-sqlite-');
  let file: string;
  let fileNumber = 0;
  let db: SqliteDatabase;
  let clock = new Date('2025-07-01T08:00:00Z');
  let repo: SqliteDirectoryRepository;

  /** Everything stored, read through a separate connection as an operator would. */
  const snapshot = () => {
    const raw = new Database(file, { readonly: true });
    try {
      return {
        units: raw.prepare('SELECT * FROM directory_units ORDER BY code').all(),
        people: raw.prepare('SELECT * FROM directory_people ORDER BY user_id').all(),
      };
    } finally {
      raw.close();
    }
  };

  beforeEach(() => {
    file = path.join(tmp.dir, `bot-${++fileNumber}.sqlite`);
    db = openSqliteDatabase({ file });
    repo = new SqliteDirectoryRepository(db, { now: () => clock });
  });
  afterEach(() => db.close());
  afterAll(() => tmp.remove());

  it('keeps the directory across a restart, beside the other stores in the same file', async () => {
    new SqliteFeedbackStore(db);
    await repo.replaceAll(contractUnits, contractPeople);
    db.close();
    db = openSqliteDatabase({ file });
    const reopened = new SqliteDirectoryRepository(db);
    expect(await reopened.getPerson('loc')).toEqual(contractPeople[2]);
    expect((await reopened.unitTree()).size).toBe(contractUnits.length);
    const versions = db.prepare('SELECT scope, version FROM schema_version ORDER BY scope').all();
    expect(versions).toEqual([
      { scope: 'directory', version: 1 },
      { scope: 'feedback', version: 2 },
    ]);
  });

  it('writes nothing on a repeated import: updated_at stays at the first import', async () => {
    await repo.replaceAll(contractUnits, contractPeople);
    const first = snapshot();
    expect(first.people).toHaveLength(contractPeople.length);
    expect(new Set(first.people.map((r) => (r as { updated_at: string }).updated_at))).toEqual(
      new Set(['2025-07-01T08:00:00.000Z']),
    );
    clock = new Date('2025-08-01T08:00:00Z');
    const changes = await repo.replaceAll(contractUnits, contractPeople);
    expect(changes.people.changed).toEqual([]);
    expect(snapshot()).toEqual(first);

    // Only the changed row is touched by the next import.
    await repo.replaceAll(contractUnits, [
      ...contractPeople.slice(0, -1),
      { ...contractPeople.at(-1)!, role: 'official' },
    ]);
    const touched = snapshot().people.filter(
      (r) => (r as { updated_at: string }).updated_at === '2025-08-01T08:00:00.000Z',
    );
    expect(touched).toEqual([expect.objectContaining({ user_id: 'tu', role: 'official' })]);
  });

  it('is atomic: a failure in the middle of the transaction leaves the old directory intact', async () => {
    await repo.replaceAll(contractUnits, contractPeople);
    const before = snapshot();
    const treeBefore = await repo.unitTree();
    // A failure that no validation can foresee (think: disk full), on the last write of the import.
    db.exec(`CREATE TRIGGER fail_on_my BEFORE INSERT ON directory_people
             WHEN NEW.user_id = 'my' BEGIN SELECT RAISE(ABORT, 'disk full (simulated)'); END`);
    const units = [
      ...contractUnits.slice(0, 3),
      { code: 'CT-STC', name: 'Sở Tài chính', parentCode: 'CT' },
    ];
    const people = [
      { ...contractPeople[0]!, role: 'admin' as const },
      contractPeople[2]!,
      {
        userId: 'my',
        fullName: 'Trương Thị Diễm My',
        email: 'myttd@cantho.gov.vn',
        unitCode: 'CT-STC',
        role: 'official' as const,
      },
    ];
    await expect(repo.replaceAll(units, people)).rejects.toThrow(/disk full/);
    expect(snapshot()).toEqual(before);
    const tree = await repo.unitTree();
    expect(tree.units()).toEqual(treeBefore.units());
    expect(await repo.getPerson('khoi')).toMatchObject({ role: 'manager' });

    db.exec('DROP TRIGGER fail_on_my');
    const changes = await repo.replaceAll(units, people);
    expect(changes.units).toEqual({
      added: ['CT-STC'],
      changed: [],
      removed: ['CT-P-NINHKIEU', 'CT-SKHCN'],
    });
  });

  it('rejects invalid input before touching the database', async () => {
    await repo.replaceAll(contractUnits, contractPeople);
    const before = snapshot();
    await expect(
      repo.replaceAll(contractUnits, [{ ...contractPeople[0]!, unitCode: 'NOPE' }]),
    ).rejects.toThrow(InvalidInputError);
    expect(snapshot()).toEqual(before);
  });

  it('sees an import made by another connection (the import command) on the next unitTree', async () => {
    await repo.replaceAll(contractUnits, contractPeople);
    expect((await repo.unitTree()).has('CT-STC')).toBe(false);

    const other = openSqliteDatabase({ file });
    try {
      await new SqliteDirectoryRepository(other).replaceAll(
        [...contractUnits, { code: 'CT-STC', name: 'Sở Tài chính', parentCode: 'CT' }],
        contractPeople,
      );
    } finally {
      other.close();
    }
    const tree = await repo.unitTree();
    expect(tree.has('CT-STC')).toBe(true);
    expect(await repo.getUnit('CT-STC')).toEqual({
      code: 'CT-STC',
      name: 'Sở Tài chính',
      parentCode: 'CT',
    });
    expect(await repo.unitTree()).toBe(tree); // cached while nothing changes
  });

  it('sees people imported, moved or removed by another connection on the next listPeople', async () => {
    await repo.replaceAll(contractUnits, contractPeople);
    const [first, ...rest] = contractPeople;
    const before = await repo.listPeople([first!.unitCode]);
    expect(before.map((p) => p.userId)).toContain(first!.userId);
    before[0]!.fullName = 'changed by the caller';
    expect((await repo.listPeople()).map((p) => p.fullName)).not.toContain('changed by the caller');

    const other = openSqliteDatabase({ file });
    try {
      await new SqliteDirectoryRepository(other).replaceAll(contractUnits, rest);
    } finally {
      other.close();
    }
    expect((await repo.listPeople()).map((p) => p.userId)).not.toContain(first!.userId);
    expect(await repo.listPeople()).toHaveLength(rest.length);
  });

  it('enforces the rules in the schema too: role values and foreign keys', () => {
    expect(() =>
      db
        .prepare(
          `INSERT INTO directory_people (user_id, full_name, email, unit_code, role, updated_at)
           VALUES ('x', 'x', 'x@x.vn', 'CT', 'boss', '')`,
        )
        .run(),
    ).toThrow(/CHECK constraint/);
    expect(() =>
      db
        .prepare(
          `INSERT INTO directory_people (user_id, full_name, email, unit_code, role, updated_at)
           VALUES ('x', 'x', 'x@x.vn', 'NOPE', 'official', '')`,
        )
        .run(),
    ).toThrow(/FOREIGN KEY/);
  });

  it('looks up thousands of people by unit in one query', async () => {
    const units = [
      { code: 'CT', name: 'CT' },
      ...Array.from({ length: 2000 }, (_, i) => ({
        code: `U${i}`,
        name: `Đơn vị ${i}`,
        parentCode: 'CT',
      })),
    ];
    const people = units.map((u, i) => ({
      userId: `p${i}`,
      fullName: `Người ${i}`,
      email: `p${i}@cantho.gov.vn`,
      unitCode: u.code,
      role: 'official' as const,
    }));
    await repo.replaceAll(units, people);
    // More codes than SQLite allows as bound parameters in an IN (...) list.
    const codes = [
      ...units.map((u) => u.code),
      ...Array.from({ length: 40_000 }, (_, i) => `X${i}`),
    ];
    expect(await repo.listPeople(codes)).toHaveLength(people.length);
  });
});
