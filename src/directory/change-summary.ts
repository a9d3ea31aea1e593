import type { DirectoryColumn } from './directory-rules';
import type { DirectoryChanges, KindChanges, Person, Unit } from './types';

/** Options for {@link summarizeChanges}. */
export interface ChangeSummaryOptions {
  /** At most this many entries listed per kind and per added/changed/removed; default 20. */
  maxListed?: number;
}

/** One field of a changed entry, named by its import column; `undefined` is "no value". */
export interface FieldChange {
  column: DirectoryColumn;
  before?: string;
  after?: string;
}

/** One entry added, changed or removed by an import. */
export interface ListedChange<T> {
  /** Unit code or user id. */
  key: string;
  /** The entry after the import (before it, when removed); absent when neither snapshot has it. */
  entry?: T;
  /** For a changed entry, every field that differs, in field order; empty otherwise. */
  fields: FieldChange[];
}

/** The entries added, changed or removed: `count` in all, the first few `listed`. */
export interface ListedChanges<T> {
  count: number;
  listed: ListedChange<T>[];
}

/** What an import does to one kind (units or people). */
export interface KindSummary<T> {
  added: ListedChanges<T>;
  changed: ListedChanges<T>;
  removed: ListedChanges<T>;
}

/** An operator's view of an import, as data: `dialogs/directory-texts.ts` renders it. */
export interface ChangeSummary {
  units: KindSummary<Unit>;
  people: KindSummary<Person>;
  /** True when the import adds, changes and removes nothing. */
  nothingToChange: boolean;
}

type Snapshot = { units: readonly Unit[]; people: readonly Person[] };

const COLUMN: Record<string, DirectoryColumn> = {
  code: 'code',
  name: 'name',
  parentCode: 'parent_code',
  userId: 'user_id',
  fullName: 'full_name',
  email: 'email',
  unitCode: 'unit_code',
  role: 'role',
};

/**
 * Summarises `changes` for an operator: per kind the counts and the first `maxListed` entries
 * added, changed (with each field's old and new value) and removed, looked up in the directory
 * `before` and `after` the import.
 */
export function summarizeChanges(
  changes: DirectoryChanges,
  before: Snapshot,
  after: Snapshot,
  options: ChangeSummaryOptions = {},
): ChangeSummary {
  const max = options.maxListed ?? 20;
  const total = (k: KindChanges) => k.added.length + k.changed.length + k.removed.length;
  return {
    units: kindSummary(changes.units, keyed(before.units, after.units, 'code'), max),
    people: kindSummary(changes.people, keyed(before.people, after.people, 'userId'), max),
    nothingToChange: total(changes.units) + total(changes.people) === 0,
  };
}

interface Keyed<T> {
  old: Map<string, T>;
  next: Map<string, T>;
}

function keyed<T extends object>(
  before: readonly T[],
  after: readonly T[],
  key: keyof T,
): Keyed<T> {
  return {
    old: new Map(before.map((x) => [String(x[key]), x])),
    next: new Map(after.map((x) => [String(x[key]), x])),
  };
}

function kindSummary<T extends object>(
  changes: KindChanges,
  entries: Keyed<T>,
  max: number,
): KindSummary<T> {
  const list = (what: keyof KindChanges): ListedChanges<T> => ({
    count: changes[what].length,
    listed: changes[what].slice(0, max).map((key) => {
      const old = entries.old.get(key);
      const next = entries.next.get(key);
      const entry = next ?? old;
      const fields = what === 'changed' ? fieldChanges(old, next) : [];
      return entry === undefined ? { key, fields } : { key, entry, fields };
    }),
  });
  return { added: list('added'), changed: list('changed'), removed: list('removed') };
}

function fieldChanges(before: object | undefined, after: object | undefined): FieldChange[] {
  if (!before || !after) return [];
  const old = before as Record<string, unknown>;
  const next = after as Record<string, unknown>;
  const text = (v: unknown) => (v === undefined ? undefined : String(v));
  return [...new Set([...Object.keys(old), ...Object.keys(next)])]
    .filter((k) => old[k] !== next[k])
    .map((k) => {
      const change: FieldChange = { column: COLUMN[k] ?? (k as DirectoryColumn) };
      const was = text(old[k]);
      const now = text(next[k]);
      if (was !== undefined) change.before = was;
      if (now !== undefined) change.after = now;
      return change;
    });
}
