/**
 * `npm run directory:import -- --units units.csv --people people.csv [--dry-run]`
 *
 * Replaces the directory (units and people) in the server's SQLite file with the contents of two
 * files, `.csv` (UTF-8, with or without BOM, comma or semicolon separated) or `.xlsx` (first
 * sheet), each with a header row. The files are the whole truth: units and people missing from
 * them are removed. Any problem in either file is printed as `file:row: message` (the header is
 * row 1, as a spreadsheet shows it) and nothing changes. Exit code 0 on success, 1 otherwise.
 * Everything printed is Vietnamese, worded in `dialogs/directory-texts.ts`.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { parse as parseCsv } from 'csv-parse/sync';
import dotenv from 'dotenv';
import type * as ExcelJS from 'exceljs';
import {
  changeSummaryText,
  commandLineText,
  directoryImportTexts as texts,
  fileErrorLine,
  importProblemLine,
  type CommandLineIssue,
  type ImportFileReason,
} from '../../dialogs/directory-texts';
import { loadConfig } from '../config';
import { AppError } from '../errors';
import {
  diffDirectory,
  summarizeChanges,
  validateDirectoryImport,
  type ImportTable,
} from '../directory';
import { openSqliteDatabase, SqliteDirectoryRepository } from '../storage';

const MAX_FILE_BYTES = 50 * 1024 * 1024;

/**
 * A file that cannot be read as a table. `file` and `reason` are what the operator is told (see
 * `fileErrorLine`); the message is a short English description for stack traces.
 */
export class ImportFileError extends AppError {
  constructor(
    readonly file: string,
    readonly reason: ImportFileReason,
  ) {
    super(`${file}: cannot read as a sheet (${reason.type})`);
  }
}

/** Reads the first sheet of a `.csv` or `.xlsx` file; throws `ImportFileError` with the reason. */
export async function readTable(file: string): Promise<ImportTable> {
  let bytes: Buffer;
  try {
    const stat = await fs.stat(file);
    if (stat.isDirectory()) throw new ImportFileError(file, { type: 'is-directory' });
    if (stat.size > MAX_FILE_BYTES) {
      throw new ImportFileError(file, {
        type: 'too-large',
        bytes: stat.size,
        maxBytes: MAX_FILE_BYTES,
      });
    }
    bytes = await fs.readFile(file);
  } catch (err) {
    if (err instanceof ImportFileError) throw err;
    const errno = (err as NodeJS.ErrnoException).code;
    throw new ImportFileError(
      file,
      errno === undefined ? { type: 'unreadable' } : { type: 'unreadable', errno },
    );
  }
  const ext = path.extname(file).toLowerCase();
  if (ext === '.csv') return readCsv(file, bytes);
  if (ext === '.xlsx') return readXlsx(file, bytes);
  if (ext === '.xls') throw new ImportFileError(file, { type: 'old-excel' });
  throw new ImportFileError(file, { type: 'unsupported-type' });
}

function readCsv(file: string, bytes: Buffer): ImportTable {
  if (bytes.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) {
    throw new ImportFileError(file, { type: 'workbook-named-csv' });
  }
  const head = bytes.subarray(0, 2);
  if (head.equals(Buffer.from([0xff, 0xfe])) || head.equals(Buffer.from([0xfe, 0xff]))) {
    throw new ImportFileError(file, { type: 'utf16' });
  }
  if (bytes.includes(0)) throw new ImportFileError(file, { type: 'binary' });
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ImportFileError(file, { type: 'not-utf8' });
  }
  text = text.replace(/^\uFEFF/, '');
  let records: string[][];
  try {
    records = parseCsv(text, {
      delimiter: guessDelimiter(text),
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
    }) as string[][];
  } catch (err) {
    const e = err as { records?: number; code?: string };
    throw new ImportFileError(file, {
      type: 'malformed-csv',
      row: (e.records ?? 0) + 1,
      quoteNotClosed: e.code === 'CSV_QUOTE_NOT_CLOSED',
    });
  }
  // Each record is one spreadsheet row, even when a quoted cell spans several lines.
  return { rows: records.map((cells, i) => ({ row: i + 1, cells })) };
}

/** Excel saves CSV with the locale's list separator: a semicolon on Vietnamese Windows. */
function guessDelimiter(text: string): string {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const count = (c: string) => firstLine.split(c).length - 1;
  const [best] = [',', ';', '\t'].sort((a, b) => count(b) - count(a));
  return best !== undefined && count(best) > 0 ? best : ',';
}

async function readXlsx(file: string, bytes: Buffer): Promise<ImportTable> {
  // Loaded only for workbooks: exceljs takes most of this command's start-up time.
  // Imported at run time, a CommonJS module may arrive as the default export (under tsx).
  const loaded = (await import('exceljs')) as typeof ExcelJS & { default?: typeof ExcelJS };
  const { Workbook } = loaded.default ?? loaded;
  const workbook = new Workbook();
  try {
    // exceljs declares an older `Buffer` type than @types/node's generic one; same object.
    await workbook.xlsx.load(bytes as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  } catch {
    throw new ImportFileError(file, { type: 'bad-workbook' });
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new ImportFileError(file, { type: 'no-sheet' });
  const rows: ImportTable['rows'] = [];
  const width = sheet.columnCount;
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= width; c++) cells.push(row.getCell(c).text ?? '');
    rows.push({ row: r, cells });
  }
  return { rows };
}

async function main(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      options: {
        units: { type: 'string' },
        people: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (err) {
    console.error(`${commandLineText(commandLineIssue(err))}\n${texts.usage}`);
    return 1;
  }
  if (args.help) {
    console.log(texts.usage);
    return 0;
  }
  if (!args.units || !args.people) {
    console.error(`${commandLineText({ type: 'missing-files' })}\n${texts.usage}`);
    return 1;
  }
  const files = { units: args.units, people: args.people };

  const read = await Promise.allSettled([readTable(files.units), readTable(files.people)]);
  const failures = read.filter((r) => r.status === 'rejected').map((r) => r.reason as unknown);
  if (failures.length > 0) {
    for (const f of failures) {
      if (!(f instanceof ImportFileError)) throw f;
      console.error(fileErrorLine(f.file, f.reason));
    }
    console.error(texts.nothingChanged);
    return 1;
  }
  const [units, people] = read.map((r) => (r as PromiseFulfilledResult<ImportTable>).value);
  const result = validateDirectoryImport({ units: units!, people: people! });
  if (!result.ok) {
    for (const p of result.problems) console.error(importProblemLine(files[p.file], p));
    console.error(texts.problemsFound(result.problems.length));
    return 1;
  }

  dotenv.config({ quiet: true });
  const config = loadConfig();
  const dbFile = path.join(config.dataDir, 'bot.sqlite');
  const db = openSqliteDatabase({ file: dbFile });
  try {
    const repository = new SqliteDirectoryRepository(db);
    const before = { units: await repository.listUnits(), people: await repository.listPeople() };
    if (args['dry-run']) {
      const changes = diffDirectory(before, result);
      console.log(texts.dryRun(dbFile));
      console.log(changeSummaryText(summarizeChanges(changes, before, result)));
    } else {
      const changes = await repository.replaceAll(result.units, result.people);
      console.log(texts.imported(dbFile, result.units.length, result.people.length));
      console.log(changeSummaryText(summarizeChanges(changes, before, result)));
    }
  } finally {
    db.close();
  }
  return 0;
}

/** What `parseArgs` rejected, from its error code and the option it quotes. */
function commandLineIssue(err: unknown): CommandLineIssue {
  const { code, message } = err as { code?: string; message?: string };
  // Node quotes the culprit: "Unknown option '--unit'", "Option '--units <value>' argument
  // missing", "Unexpected argument 'x.csv'".
  const quoted = /'([^']*)'/.exec(message ?? '')?.[1];
  if (quoted === undefined) return { type: 'invalid' };
  const option = quoted.split(' ')[0]!;
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return { type: 'unknown-option', option };
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      // A file option given no file, or a switch given a value (`--dry-run=yes`).
      return option === '--units' || option === '--people'
        ? { type: 'missing-value', option }
        : { type: 'unexpected-value', option };
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return { type: 'unexpected-argument', value: quoted };
    default:
      return { type: 'invalid' };
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      // Config and storage errors carry (English) messages an operator can act on or pass on;
      // anything else is a bug.
      console.error(
        err instanceof AppError || (err instanceof Error && err.name === 'SqliteError')
          ? `${texts.failed(err.message)}\n${texts.nothingChanged}`
          : err instanceof Error
            ? (err.stack ?? err.message)
            : String(err),
      );
      process.exitCode = 1;
    },
  );
}
