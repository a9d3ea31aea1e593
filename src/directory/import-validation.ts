import { checkDirectory, type PersonCandidate, type UnitCandidate } from './directory-rules';
import type { Person, Role, Unit } from './types';

/** Header of the units file, in this order. */
export const UNIT_COLUMNS = ['code', 'name', 'parent_code'] as const;
/** Header of the people file, in this order. */
export const PERSON_COLUMNS = ['user_id', 'full_name', 'email', 'unit_code', 'role'] as const;

/** One row of a sheet as read from a file, with its number as a spreadsheet shows it (from 1). */
export interface ImportRow {
  row: number;
  cells: string[];
}

/** A sheet as read from a CSV or XLSX file: the header row first, then the data rows. */
export interface ImportTable {
  rows: ImportRow[];
}

/** Which file a problem is in. */
export type ImportFile = 'units' | 'people';

/** A reason to reject an import, pointing at a spreadsheet row (the header is row 1). */
export interface ImportProblem {
  file: ImportFile;
  row: number;
  message: string;
}

/** The outcome of {@link validateDirectoryImport}: a whole directory, or every problem found. */
export type DirectoryImport =
  { ok: true; units: Unit[]; people: Person[] } | { ok: false; problems: ImportProblem[] };

/**
 * Checks an import (a units sheet and a people sheet) and turns it into a directory. Cells are
 * trimmed and NFC-normalised, runs of spaces in names collapsed, roles lower-cased; fully blank
 * rows are skipped. Header names are matched case-insensitively, in any order, with spaces read
 * as underscores. Any problem (wrong header, extra cells, and every rule of `checkDirectory`)
 * rejects the whole import: the result lists them all, units first, in row order.
 */
export function validateDirectoryImport(tables: {
  units: ImportTable;
  people: ImportTable;
}): DirectoryImport {
  const unitSheet = readSheet('units', tables.units, UNIT_COLUMNS, PERSON_COLUMNS);
  const peopleSheet = readSheet('people', tables.people, PERSON_COLUMNS, UNIT_COLUMNS);
  // With a wrong header the rows cannot be read, and the other file's cross-checks are noise.
  const sheetProblems = [...unitSheet.problems, ...peopleSheet.problems];
  if (!unitSheet.records || !peopleSheet.records) return { ok: false, problems: sheetProblems };

  const unitRecords = unitSheet.records;
  const personRecords = peopleSheet.records;
  const units: UnitCandidate[] = unitRecords.map(({ values }) => {
    const parent = values.parent_code;
    return parent === ''
      ? { code: values.code, name: values.name }
      : { code: values.code, name: values.name, parentCode: parent };
  });
  const people: PersonCandidate[] = personRecords.map(({ values }) => ({
    userId: values.user_id,
    fullName: values.full_name,
    email: values.email,
    unitCode: values.unit_code,
    role: values.role.toLowerCase(),
  }));
  const rowOf = (kind: 'unit' | 'person', index: number): number =>
    (kind === 'unit' ? unitRecords[index]! : personRecords[index]!).row;

  const problems: ImportProblem[] = [...sheetProblems];
  for (const p of checkDirectory(units, people, { describe: (k, i) => `row ${rowOf(k, i)}` })) {
    problems.push({
      file: p.kind === 'unit' ? 'units' : 'people',
      row: rowOf(p.kind, p.index),
      message: p.message,
    });
  }
  if (problems.length > 0) return { ok: false, problems: sortProblems(problems) };
  return { ok: true, units, people: people.map((p) => ({ ...p, role: p.role as Role })) };
}

interface SheetRecord<C extends string> {
  row: number;
  values: Record<C, string>;
}

function readSheet<C extends string>(
  file: ImportFile,
  table: ImportTable,
  columns: readonly C[],
  otherColumns: readonly string[],
): { records?: SheetRecord<C>[]; problems: ImportProblem[] } {
  const expected = `expected header: ${columns.join(',')}`;
  const [header, ...body] = table.rows;
  if (!header) return { problems: [{ file, row: 1, message: `the file is empty; ${expected}` }] };

  const names = header.cells.map((c) => c.trim());
  const keys = names.map((n) => n.toLowerCase().replace(/[\s-]+/g, '_'));
  const unknown = names.filter(
    (n, i) => n !== '' && !(columns as readonly string[]).includes(keys[i]!),
  );
  const missing = columns.filter((c) => !keys.includes(c));
  const repeated = columns.filter((c) => keys.indexOf(c) !== keys.lastIndexOf(c));
  if (unknown.length + missing.length + repeated.length > 0) {
    const parts = [
      missing.length > 0 ? `missing ${plural('column', missing)} ${quoteAll(missing)}` : '',
      unknown.length > 0 ? `unknown ${plural('column', unknown)} ${quoteAll(unknown)}` : '',
      repeated.length > 0 ? `repeated ${plural('column', repeated)} ${quoteAll(repeated)}` : '',
    ].filter(Boolean);
    const given = keys.filter((k) => k !== '');
    const swapped =
      given.length === otherColumns.length && otherColumns.every((c) => given.includes(c));
    const hint = swapped
      ? ` (this is the ${file === 'units' ? 'people' : 'units'} file: are --units and --people swapped?)`
      : '';
    return {
      problems: [
        {
          file,
          row: header.row,
          message: `wrong header: ${parts.join('; ')}; ${expected}${hint}`,
        },
      ],
    };
  }

  const positions = columns.map((c) => keys.indexOf(c));
  const width = names.reduce((w, n, i) => (n === '' ? w : i + 1), 0);
  const problems: ImportProblem[] = [];
  const records: SheetRecord<C>[] = [];
  for (const { row, cells } of body) {
    if (cells.every((c) => c.trim() === '')) continue;
    if (cells.slice(width).some((c) => c.trim() !== '')) {
      problems.push({ file, row, message: `more cells than the header's ${width} columns` });
    }
    const values = {} as Record<C, string>;
    columns.forEach((c, i) => {
      const text = (cells[positions[i]!] ?? '').normalize('NFC').trim();
      values[c] = /name$/.test(c) ? text.replace(/\s+/g, ' ') : text;
    });
    records.push({ row, values });
  }
  if (records.length === 0) {
    // Importing an empty sheet would empty the directory: surely the wrong file.
    problems.push({ file, row: header.row + 1, message: `no ${file} below the header` });
  }
  return { records, problems };
}

function plural(word: string, items: readonly unknown[]): string {
  return items.length === 1 ? word : `${word}s`;
}

function quoteAll(names: readonly string[]): string {
  return names.map((n) => `"${n}"`).join(', ');
}

function sortProblems(problems: ImportProblem[]): ImportProblem[] {
  return problems
    .map((p, i) => ({ p, i }))
    .sort(
      (a, b) =>
        (a.p.file === b.p.file ? 0 : a.p.file === 'units' ? -1 : 1) ||
        a.p.row - b.p.row ||
        a.i - b.i,
    )
    .map(({ p }) => p);
}
