import { openSqliteDatabase, runMigrations, type Migration } from '../../../src/storage';

describe('runMigrations', () => {
  const steps: Migration[] = [
    { version: 1, description: 'a', up: (db) => db.exec('CREATE TABLE a (x INTEGER)') },
    { version: 2, description: 'b', up: (db) => db.exec('ALTER TABLE a ADD COLUMN y TEXT') },
  ];

  it('applies pending steps once and records the version per scope', () => {
    const db = openSqliteDatabase({ file: ':memory:' });
    expect(runMigrations(db, 'demo', steps.slice(0, 1))).toBe(1);
    expect(runMigrations(db, 'demo', steps)).toBe(2);
    expect(runMigrations(db, 'demo', steps)).toBe(2);
    expect(runMigrations(db, 'other', [])).toBe(0);
    db.prepare('INSERT INTO a (x, y) VALUES (1, ?)').run('ok');
    expect(db.prepare('SELECT scope, version FROM schema_version ORDER BY scope').all()).toEqual([
      { scope: 'demo', version: 2 },
    ]);
    db.close();
  });

  it('rolls a failing step back entirely', () => {
    const db = openSqliteDatabase({ file: ':memory:' });
    const bad: Migration = {
      version: 1,
      description: 'half done',
      up: (d) => {
        d.exec('CREATE TABLE half (x INTEGER)');
        throw new Error('boom');
      },
    };
    expect(() => runMigrations(db, 'bad', [bad])).toThrow('boom');
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'half'").get()).toBeUndefined();
    expect(db.prepare("SELECT * FROM schema_version WHERE scope = 'bad'").get()).toBeUndefined();
    db.close();
  });

  it('refuses gaps in numbering and a database newer than the code', () => {
    const db = openSqliteDatabase({ file: ':memory:' });
    expect(() => runMigrations(db, 'gap', [{ ...steps[1]!, version: 2 }])).toThrow(/1\.\.n/);
    runMigrations(db, 'demo', steps);
    expect(() => runMigrations(db, 'demo', steps.slice(0, 1))).toThrow(/newer than this code/);
    db.close();
  });
});
