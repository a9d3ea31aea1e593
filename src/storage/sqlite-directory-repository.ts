import type { Statement } from 'better-sqlite3';
import {
  assertValidDirectory,
  diffDirectory,
  toUnit,
  UnitTree,
  type DirectoryChanges,
  type DirectoryRepository,
  type Person,
  type Role,
  type Unit,
} from '../directory';
import type { SqliteDatabase } from './sqlite-database';
import { runMigrations, type Migration } from './sqlite-migrations';

const migrations: Migration[] = [
  {
    version: 1,
    description: 'directory: units (a tree) and people',
    // Foreign keys are deferred so a whole import can be applied in any order inside one
    // transaction and checked at commit. Other areas must not reference these tables with foreign
    // keys: an import removes whoever is no longer in the files.
    up: (db) =>
      db.exec(`
        CREATE TABLE directory_units (
          code TEXT PRIMARY KEY,
          name TEXT NOT NULL,
          parent_code TEXT REFERENCES directory_units (code) DEFERRABLE INITIALLY DEFERRED,
          updated_at TEXT NOT NULL
        );
        CREATE INDEX directory_units_by_parent ON directory_units (parent_code);
        CREATE TABLE directory_people (
          user_id TEXT PRIMARY KEY,
          full_name TEXT NOT NULL,
          email TEXT NOT NULL,
          unit_code TEXT NOT NULL
            REFERENCES directory_units (code) DEFERRABLE INITIALLY DEFERRED,
          role TEXT NOT NULL CHECK (role IN ('official', 'manager', 'admin')),
          updated_at TEXT NOT NULL
        );
        CREATE INDEX directory_people_by_unit ON directory_people (unit_code, user_id);
      `),
  },
];

interface UnitRow {
  code: string;
  name: string;
  parent_code: string | null;
}

interface PersonRow {
  user_id: string;
  full_name: string;
  email: string;
  unit_code: string;
  role: string;
}

/** Options for {@link SqliteDirectoryRepository}. */
export interface SqliteDirectoryRepositoryOptions {
  /** Clock for the rows' `updated_at`, injectable for tests. */
  now?: () => Date;
}

/**
 * {@link DirectoryRepository} on SQLite (better-sqlite3): tables `directory_units` and
 * `directory_people`, created by the repository's own migrations (scope `directory`). The
 * connection is injected and owned by the caller; the server and the `directory:import` command
 * open the same file.
 *
 * `replaceAll` validates first (`InvalidInputError`, nothing touched), then reads, diffs and writes
 * in one `BEGIN IMMEDIATE` transaction: only added and changed rows are written, so a repeated
 * import writes nothing. Any failure rolls the whole import back.
 *
 * `unitTree` and the people lists are cached and rebuilt when this connection writes or when
 * SQLite's `data_version` shows a commit by another connection (e.g. the import command while the
 * server runs): reports read the whole roster of a province (tens of thousands of people) on every
 * request, and the directory changes a few times a year.
 */
export class SqliteDirectoryRepository implements DirectoryRepository {
  private readonly now: () => Date;
  private cachedTree: { version: number; tree: UnitTree } | undefined;
  /** Everybody, ordered by unit code then user id, and grouped by unit. */
  private cachedPeople:
    | { version: number; all: readonly Person[]; byUnit: ReadonlyMap<string, readonly Person[]> }
    | undefined;
  private readonly selectPerson: Statement<[string], PersonRow>;
  private readonly selectUnit: Statement<[string], UnitRow>;
  private readonly selectUnits: Statement<[], UnitRow>;
  private readonly selectPeople: Statement<[], PersonRow>;
  private readonly upsertUnit: Statement<[UnitRow & { updated_at: string }]>;
  private readonly upsertPerson: Statement<[PersonRow & { updated_at: string }]>;
  private readonly deleteUnit: Statement<[string]>;
  private readonly deletePerson: Statement<[string]>;

  constructor(
    private readonly db: SqliteDatabase,
    options: SqliteDirectoryRepositoryOptions = {},
  ) {
    this.now = options.now ?? (() => new Date());
    runMigrations(db, 'directory', migrations);
    const personColumns = 'user_id, full_name, email, unit_code, role';
    this.selectPerson = db.prepare(
      `SELECT ${personColumns} FROM directory_people WHERE user_id = ?`,
    );
    this.selectUnit = db.prepare(
      'SELECT code, name, parent_code FROM directory_units WHERE code = ?',
    );
    this.selectUnits = db.prepare(
      'SELECT code, name, parent_code FROM directory_units ORDER BY code',
    );
    this.selectPeople = db.prepare(
      `SELECT ${personColumns} FROM directory_people ORDER BY unit_code, user_id`,
    );
    this.upsertUnit = db.prepare(
      `INSERT INTO directory_units (code, name, parent_code, updated_at)
       VALUES (@code, @name, @parent_code, @updated_at)
       ON CONFLICT (code) DO UPDATE SET name = excluded.name, parent_code = excluded.parent_code,
         updated_at = excluded.updated_at`,
    );
    this.upsertPerson = db.prepare(
      `INSERT INTO directory_people (user_id, full_name, email, unit_code, role, updated_at)
       VALUES (@user_id, @full_name, @email, @unit_code, @role, @updated_at)
       ON CONFLICT (user_id) DO UPDATE SET full_name = excluded.full_name, email = excluded.email,
         unit_code = excluded.unit_code, role = excluded.role, updated_at = excluded.updated_at`,
    );
    this.deleteUnit = db.prepare('DELETE FROM directory_units WHERE code = ?');
    this.deletePerson = db.prepare('DELETE FROM directory_people WHERE user_id = ?');
  }

  async getPerson(userId: string): Promise<Person | undefined> {
    return this.getPersonSync(userId);
  }

  /**
   * `getPerson` without the promise, for code running inside a synchronous better-sqlite3
   * transaction on the same connection (e.g. the results outbox row of a quiz submission).
   */
  getPersonSync(userId: string): Person | undefined {
    if (typeof userId !== 'string') return undefined;
    const row = this.selectPerson.get(userId);
    return row ? toPerson(row) : undefined;
  }

  async getUnit(code: string): Promise<Unit | undefined> {
    if (typeof code !== 'string') return undefined;
    const row = this.selectUnit.get(code);
    return row ? fromUnitRow(row) : undefined;
  }

  async listUnits(): Promise<Unit[]> {
    return this.selectUnits.all().map(fromUnitRow);
  }

  async listPeople(unitCodes?: readonly string[]): Promise<Person[]> {
    const { all, byUnit } = this.people();
    if (unitCodes === undefined) return all.map(copyPerson);
    const codes = [...new Set(unitCodes.filter((c) => typeof c === 'string'))].sort();
    return codes.flatMap((code) => (byUnit.get(code) ?? []).map(copyPerson));
  }

  private people(): NonNullable<SqliteDirectoryRepository['cachedPeople']> {
    const version = this.db.pragma('data_version', { simple: true }) as number;
    if (this.cachedPeople?.version !== version) {
      const all = this.selectPeople.all().map(toPerson);
      const byUnit = new Map<string, Person[]>();
      for (const p of all) {
        const list = byUnit.get(p.unitCode);
        if (list) list.push(p);
        else byUnit.set(p.unitCode, [p]);
      }
      this.cachedPeople = { version, all, byUnit };
    }
    return this.cachedPeople;
  }

  async unitTree(): Promise<UnitTree> {
    const version = this.db.pragma('data_version', { simple: true }) as number;
    if (this.cachedTree?.version !== version) {
      this.cachedTree = { version, tree: UnitTree.build(this.selectUnits.all().map(fromUnitRow)) };
    }
    return this.cachedTree.tree;
  }

  async replaceAll(units: readonly Unit[], people: readonly Person[]): Promise<DirectoryChanges> {
    assertValidDirectory(units, people);
    const nextUnits = units.map(toUnit);
    const nextPeople = people.map((p) => toPerson(toPersonRow(p)));
    const apply = this.db.transaction((): DirectoryChanges => {
      const changes = diffDirectory(
        {
          units: this.selectUnits.all().map(fromUnitRow),
          people: this.selectPeople.all().map(toPerson),
        },
        { units: nextUnits, people: nextPeople },
      );
      const updatedAt = this.now().toISOString();
      for (const userId of changes.people.removed) this.deletePerson.run(userId);
      for (const code of changes.units.removed) this.deleteUnit.run(code);
      const touchedUnits = new Set([...changes.units.added, ...changes.units.changed]);
      for (const u of nextUnits) {
        if (touchedUnits.has(u.code)) {
          this.upsertUnit.run({ ...toUnitRow(u), updated_at: updatedAt });
        }
      }
      const touchedPeople = new Set([...changes.people.added, ...changes.people.changed]);
      for (const p of nextPeople) {
        if (touchedPeople.has(p.userId)) {
          this.upsertPerson.run({ ...toPersonRow(p), updated_at: updatedAt });
        }
      }
      return changes;
    });
    try {
      // IMMEDIATE takes the write lock before reading, so the diff cannot go stale meanwhile.
      return apply.immediate();
    } finally {
      this.cachedTree = undefined;
      this.cachedPeople = undefined;
    }
  }
}

function fromUnitRow(row: UnitRow): Unit {
  return row.parent_code === null
    ? { code: row.code, name: row.name }
    : { code: row.code, name: row.name, parentCode: row.parent_code };
}

function toUnitRow(unit: Unit): UnitRow {
  return { code: unit.code, name: unit.name, parent_code: unit.parentCode ?? null };
}

function toPerson(row: PersonRow): Person {
  return {
    userId: row.user_id,
    fullName: row.full_name,
    email: row.email,
    unitCode: row.unit_code,
    role: row.role as Role,
  };
}

function copyPerson(p: Person): Person {
  return { ...p };
}

function toPersonRow(person: Person): PersonRow {
  return {
    user_id: person.userId,
    full_name: person.fullName,
    email: person.email,
    unit_code: person.unitCode,
    role: person.role,
  };
}
