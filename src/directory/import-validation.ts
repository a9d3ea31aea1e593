import {
  checkDirectory,
  type DirectoryIssue,
  type PersonCandidate,
  type UnitCandidate,
} from './directory-rules';
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

/** What is wrong with a sheet as a whole, or with the cells of one row, as data. */
export type SheetIssue =
  /** The file has no rows at all; `expected` is the header it should start with. */
  | { type: 'empty-file'; expected: readonly string[] }
  /**
   * The header row lacks, repeats or adds columns (each list names them as written in the file).
   * `swapped` when the header is exactly the other file's: `--units` and `--people` swapped.
   */
  | {
      type: 'wrong-header';
      missing: string[];
      unknown: string[];
      repeated: string[];
      expected: readonly string[];
      swapped: boolean;
    }
  /** The row has text in cells beyond the header's `width` columns. */
  | { type: 'extra-cells'; width: number }
  /** Nothing but blank rows below the header. */
  | { type: 'no-rows' };

/**
 * What is wrong with an import: a sheet issue or a broken directory rule, where a duplicate
 * points at the spreadsheet row (`firstRow`) of the entry that came first.
 */
export type ImportIssue =
  | SheetIssue
  | Exclude<DirectoryIssue, { type: 'duplicate' }>
  | { type: 'duplicate'; column: 'code' | 'user_id'; value: string; firstRow: number };

/**
 * A reason to reject an import, pointing at a spreadsheet row (the header is row 1). Data only:
 * `dialogs/directory-texts.ts` renders it for operators.
 */
export interface ImportProblem {
  file: ImportFile;
  row: number;
  issue: ImportIssue;
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
  for (const { kind, index, issue } of checkDirectory(units, people)) {
    problems.push({
      file: kind === 'unit' ? 'units' : 'people',
      row: rowOf(kind, index),
      issue:
        issue.type === 'duplicate'
          ? {
              type: 'duplicate',
              column: issue.column,
              value: issue.value,
              firstRow: rowOf(kind, issue.firstIndex),
            }
          : issue,
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
  const [header, ...body] = table.rows;
  if (!header)
    return { problems: [{ file, row: 1, issue: { type: 'empty-file', expected: columns } }] };

  const names = header.cells.map((c) => c.trim());
  const keys = names.map((n) => n.toLowerCase().replace(/[\s-]+/g, '_'));
  const unknown = names.filter(
    (n, i) => n !== '' && !(columns as readonly string[]).includes(keys[i]!),
  );
  const missing = columns.filter((c) => !keys.includes(c));
  const repeated = columns.filter((c) => keys.indexOf(c) !== keys.lastIndexOf(c));
  if (unknown.length + missing.length + repeated.length > 0) {
    const given = keys.filter((k) => k !== '');
    const swapped =
      given.length === otherColumns.length && otherColumns.every((c) => given.includes(c));
    const issue: ImportIssue = {
      type: 'wrong-header',
      missing,
      unknown,
      repeated,
      expected: columns,
      swapped,
    };
    return { problems: [{ file, row: header.row, issue }] };
  }

  const positions = columns.map((c) => keys.indexOf(c));
  const width = names.reduce((w, n, i) => (n === '' ? w : i + 1), 0);
  const problems: ImportProblem[] = [];
  const records: SheetRecord<C>[] = [];
  for (const { row, cells } of body) {
    if (cells.every((c) => c.trim() === '')) continue;
    if (cells.slice(width).some((c) => c.trim() !== '')) {
      problems.push({ file, row, issue: { type: 'extra-cells', width } });
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
    problems.push({ file, row: header.row + 1, issue: { type: 'no-rows' } });
  }
  return { records, problems };
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
