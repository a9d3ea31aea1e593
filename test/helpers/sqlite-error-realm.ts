/**
 * Jest setup file (see `setupFiles` in jest.config.js), run before every test file.
 *
 * better-sqlite3's native addon is loaded once per Jest worker process and remembers the
 * `SqliteError` class it was first given (`addon.setErrorConstructor`, done only while
 * `addon.isInitialized` is unset). Jest runs every test file in its own realm, so in every later
 * file of the same worker a `SqliteError` is built from an earlier file's class: it is not
 * `instanceof Error` there, and `expect(promise).rejects.toThrow(...)` then reports "Received
 * function did not throw" although the promise did reject. Whether a file is the first in its
 * worker to open a database depends on scheduling, so such tests failed only now and then under
 * load. Hand the addon this file's class instead.
 */
import path from 'node:path';
import Database from 'better-sqlite3';

const moduleRoot = path.dirname(require.resolve('better-sqlite3/package.json'));
// better-sqlite3 loads its addon the same way (lib/database.js); Node caches it per process.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const bindings = require(require.resolve('bindings', { paths: [moduleRoot] })) as (options: {
  bindings: string;
  module_root: string;
}) => { setErrorConstructor(errorClass: unknown): void };

bindings({ bindings: 'better_sqlite3.node', module_root: moduleRoot }).setErrorConstructor(
  Database.SqliteError,
);
