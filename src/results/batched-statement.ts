import { CompiledQuery, type Compilable, type Kysely } from 'kysely';
import type { ResultsDatabase } from './results-schema';

// Bound parameters per statement: well under SQLite's 32,766 and PostgreSQL's 65,535.
export const MAX_PARAMS = 8000;

/**
 * Rows per statement: a batch is cut into powers of two, largest first (at most 512 rows), so that
 * statement texts repeat and a batch takes few statements.
 */
const SIZES = [512, 256, 128, 64, 32, 16, 8, 4, 2, 1] as const;

interface Compiled {
  readonly sql: string;
  readonly columns: readonly string[];
}

// Per dialect adapter (a Kysely instance and its transactions share one), then per statement name
// and size.
const compiledByAdapter = new WeakMap<object, Map<string, Compiled>>();

/**
 * Runs a multi-row statement over `rows` (each row a record with the same keys in the same order,
 * one bound value per key) in chunks of fixed sizes (powers of two), in `rows`' order, and
 * returns what the chunks return. `build` makes the statement for a chunk; it is compiled once
 * per `name`, size and dialect and then reused with the next chunks' values, because Kysely's
 * compiling a few hundred rows costs more than SQLite's running them, and a text seen before is a
 * prepared statement on SQLite (see `withStatementCache`). Throws if the compiled statement binds
 * anything but the rows' values in row order (a `build` this cannot reuse).
 */
export async function runBatchedStatement<R extends object, O>(
  db: Kysely<ResultsDatabase>,
  name: string,
  rows: readonly R[],
  build: (chunk: readonly R[]) => Compilable<O>,
): Promise<O[]> {
  if (rows.length === 0) return [];
  const adapter = db.getExecutor().adapter;
  let cache = compiledByAdapter.get(adapter);
  if (!cache) compiledByAdapter.set(adapter, (cache = new Map()));
  const perRow = Object.keys(rows[0]!).length;
  const out: O[] = [];
  for (let i = 0; i < rows.length;) {
    const left = rows.length - i;
    const size = SIZES.find((s) => s <= left && s * perRow <= MAX_PARAMS) ?? 1;
    const chunk = rows.slice(i, i + size);
    i += size;
    const key = `${name}/${size}`;
    let compiled = cache.get(key);
    if (!compiled) {
      const query = build(chunk).compile();
      const columns = Object.keys(chunk[0]!);
      if (!sameValues(query.parameters, valuesOf(chunk, columns))) {
        throw new Error(`statement ${name} binds more than its rows' values`);
      }
      cache.set(key, (compiled = { sql: query.sql, columns }));
    }
    const result = await db.executeQuery<O>(
      CompiledQuery.raw(compiled.sql, valuesOf(chunk, compiled.columns)),
    );
    out.push(...result.rows);
  }
  return out;
}

function valuesOf(rows: readonly object[], columns: readonly string[]): unknown[] {
  const values: unknown[] = [];
  for (const row of rows) {
    for (const c of columns) values.push((row as Record<string, unknown>)[c]);
  }
  return values;
}

function sameValues(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((v, i) => Object.is(v, b[i]));
}
