import type { DirectoryChanges, KindChanges, Person, Unit } from './types';

/** Options for {@link summarizeChanges}. */
export interface ChangeSummaryOptions {
  /** At most this many lines per kind and per added/changed/removed; default 20. */
  maxListed?: number;
}

type Snapshot = { units: readonly Unit[]; people: readonly Person[] };

const COLUMN: Record<string, string> = {
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
 * An operator's summary of an import, in English: per kind the counts, then one line per entry
 * added (`+`), changed (`~`, with each field's old and new value) and removed (`-`), described by
 * the directory `before` and `after` the import.
 */
export function summarizeChanges(
  changes: DirectoryChanges,
  before: Snapshot,
  after: Snapshot,
  options: ChangeSummaryOptions = {},
): string {
  const max = options.maxListed ?? 20;
  const unitLine = (u: Unit) => `${u.code}  ${u.name}`;
  const personLine = (p: Person) =>
    `${p.fullName} <${p.email}>  ${p.unitCode}, ${p.role}  (${p.userId})`;
  const lines = [
    ...kindLines('units: ', changes.units, keyed(before.units, after.units, 'code'), unitLine, max),
    ...kindLines(
      'people:',
      changes.people,
      keyed(before.people, after.people, 'userId'),
      personLine,
      max,
    ),
  ];
  const total = (k: KindChanges) => k.added.length + k.changed.length + k.removed.length;
  if (total(changes.units) + total(changes.people) === 0) {
    lines.push('Nothing to change: the directory already matches these files.');
  }
  return lines.join('\n');
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

function kindLines<T extends object>(
  label: string,
  changes: KindChanges,
  entries: Keyed<T>,
  describe: (entry: T) => string,
  max: number,
): string[] {
  const lines = [
    `${label} ${changes.added.length} added, ${changes.changed.length} changed, ` +
      `${changes.removed.length} removed`,
  ];
  const marks = { added: '+', changed: '~', removed: '-' } as const;
  for (const what of ['added', 'changed', 'removed'] as const) {
    const keys = changes[what];
    for (const key of keys.slice(0, max)) {
      const old = entries.old.get(key);
      const next = entries.next.get(key);
      const entry = next ?? old;
      const text = entry ? describe(entry) : key;
      lines.push(`  ${marks[what]} ${text}${what === 'changed' ? fieldChanges(old, next) : ''}`);
    }
    if (keys.length > max) lines.push(`  … and ${keys.length - max} more ${what}`);
  }
  return lines;
}

function fieldChanges(before: object | undefined, after: object | undefined): string {
  if (!before || !after) return '';
  const old = before as Record<string, unknown>;
  const next = after as Record<string, unknown>;
  const shown = (v: unknown) => (v === undefined ? '(none)' : `"${String(v)}"`);
  const parts = [...new Set([...Object.keys(old), ...Object.keys(next)])]
    .filter((k) => old[k] !== next[k])
    .map((k) => `${COLUMN[k] ?? k} ${shown(old[k])} → ${shown(next[k])}`);
  return parts.length > 0 ? `: ${parts.join('; ')}` : '';
}
