import { PassThrough } from 'node:stream';
import type * as ExcelJS from 'exceljs';
import type { LineNames } from './report-lines';
import type { ColumnText, ReportWorkbookTexts } from './report-labels';
import type { ParticipantRow } from './ports';
import type { QuestionFigure, ScoreFigures, UnitReport } from './report-types';

/** What the service gives the workbook builder; the composition root adds the texts. */
export interface ReportWorkbookData {
  readonly report: UnitReport;
  /** Item statistics of every question asked (see `buildUnitReport`). */
  readonly questions: readonly QuestionFigure[];
  /** Every participant of the scope, as the port returns them. */
  readonly participants: readonly ParticipantRow[];
  readonly names: LineNames;
  readonly topicName: (topicId: string) => string | undefined;
}

export interface ReportWorkbookInput extends ReportWorkbookData {
  readonly texts: ReportWorkbookTexts;
}

/** Vietnam has used UTC+7 all year since 1975. */
const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;
const FORMAT = {
  int: '#,##0',
  score: '0.0',
  rate: '0.0%',
  rateDelta: '+0.0%;-0.0%;0.0%',
  scoreDelta: '+0.0;-0.0;0.0',
  minutes: '0.0',
  when: 'dd/mm/yyyy hh:mm:ss',
} as const;

const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

/**
 * The Excel export of a unit report (`.xlsx`): sheets Tổng hợp (headline figures and the change
 * against the previous contest), Theo đơn vị (sub-unit rows, weakest first), Theo chủ đề, Thí sinh
 * (every participant: name, unit, attempts, first and best score, first attempt's pass, duration
 * and submission time in Vietnam time), Câu hỏi (every question with facility and discrimination
 * indices). Sheet names and headers come from `texts`. Each sheet has a frozen bold header row,
 * column widths and number formats; times are written as Vietnam wall-clock times.
 */
export async function buildReportWorkbook(input: ReportWorkbookInput): Promise<Buffer> {
  const excel = await loadExcelJs();
  const { report, texts } = input;
  // The streaming writer writes each row as it is added: several times faster than building the
  // whole workbook in memory, which matters at 30,000 candidates.
  const chunks: Buffer[] = [];
  const stream = new PassThrough();
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  const workbook = new excel.stream.xlsx.WorkbookWriter({
    stream,
    useStyles: true,
    useSharedStrings: false,
  });
  workbook.created = new Date(report.generatedAt);

  addSummarySheet(workbook, report, texts);
  addUnitsSheet(workbook, report, texts);
  addTopicsSheet(workbook, report, texts);
  addCandidatesSheet(workbook, input);
  addQuestionsSheet(workbook, input);

  const ended = new Promise<void>((resolve, reject) => {
    stream.on('end', resolve);
    stream.on('error', reject);
  });
  await workbook.commit();
  await ended;
  return Buffer.concat(chunks);
}

/** A Date whose UTC fields read as the Vietnam wall-clock time of `iso` (Excel has no zones). */
export function vietnamWallClock(iso: string): Date {
  return new Date(Date.parse(iso) + VIETNAM_OFFSET_MS);
}

/** A sheet being written, with one shared style object per column (see `addRow`). */
interface Sheet {
  readonly sheet: ExcelJS.Worksheet;
  readonly styles: readonly Partial<ExcelJS.Style>[];
}

// Frozen: a setter such as `cell.alignment = …` would change every cell sharing it.
const NO_STYLE: Partial<ExcelJS.Style> = Object.freeze({});

function sheetWith(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  name: string,
  columns: readonly (ColumnText & { numFmt?: string })[],
): Sheet {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  const styles = columns.map((c) => (c.numFmt ? Object.freeze({ numFmt: c.numFmt }) : NO_STYLE));
  sheet.columns = columns.map((c, i) => ({
    header: c.header,
    width: c.width,
    ...(c.numFmt ? { style: styles[i]! } : {}),
  }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', wrapText: true };
  header.commit();
  return { sheet, styles };
}

/**
 * Adds and commits one row. Every cell gets its column's shared style object: exceljs caches a
 * style by object identity, so this skips working out the same style again for each of 30,000
 * rows (it otherwise copies the column style into a new object per cell).
 */
function addRow(target: Sheet, values: readonly unknown[]): ExcelJS.Row {
  const row = target.sheet.addRow(values as unknown[]);
  for (let i = 0; i < target.styles.length; i++) row.getCell(i + 1).style = target.styles[i]!;
  return row;
}

function addSummarySheet(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  report: UnitReport,
  texts: ReportWorkbookTexts,
): void {
  const t = texts.summary;
  const sheet = sheetWith(workbook, texts.sheets.summary, [
    { header: t.item, width: 42 },
    { header: t.value, width: 48 },
  ]);
  const f = report.figures;
  const rows: [string, string | number | Date | null, string?][] = [
    [t.contest, report.contestTitle],
    [t.unit, `${report.unitName} (${report.unitCode})`],
    [t.generatedAt, vietnamWallClock(report.generatedAt), FORMAT.when],
    [t.passMark, report.passMark, FORMAT.score],
    ...figureRows(f, t),
  ];
  const c = report.comparison;
  if (c) {
    rows.push(
      [t.previousContest, c.contestTitle],
      [t.meanScoreDelta, c.meanScoreDelta, FORMAT.scoreDelta],
      [t.passRateDelta, c.passRateDelta, FORMAT.rateDelta],
      [t.participationRateDelta, c.participationRateDelta, FORMAT.rateDelta],
    );
  }
  for (const [label, value, numFmt] of rows) {
    // Few rows, each styled on its own: not the shared styles of `addRow`.
    const row = sheet.sheet.addRow([label, value]);
    const cell = row.getCell(2);
    cell.alignment = { horizontal: 'left' };
    if (numFmt) cell.numFmt = numFmt;
    row.commit();
  }
  sheet.sheet.commit();
}

function figureRows(
  f: ScoreFigures,
  t: ReportWorkbookTexts['summary'],
): [string, number | null, string][] {
  return [
    [t.roster, f.roster, FORMAT.int],
    [t.participants, f.participants, FORMAT.int],
    [t.participationRate, f.participationRate, FORMAT.rate],
    [t.attempts, f.attempts, FORMAT.int],
    [t.meanScore, f.meanScore, FORMAT.score],
    [t.medianScore, f.medianScore, FORMAT.score],
    [t.passRate, f.passRate, FORMAT.rate],
    [t.under50Rate, f.under50Rate, FORMAT.rate],
    [t.meanDuration, minutes(f.meanDurationMs), FORMAT.minutes],
  ];
}

function addUnitsSheet(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  report: UnitReport,
  texts: ReportWorkbookTexts,
): void {
  const c = texts.unitColumns;
  const sheet = sheetWith(workbook, texts.sheets.units, [
    c.code,
    c.name,
    { ...c.roster, numFmt: FORMAT.int },
    { ...c.participants, numFmt: FORMAT.int },
    { ...c.participationRate, numFmt: FORMAT.rate },
    { ...c.attempts, numFmt: FORMAT.int },
    { ...c.meanScore, numFmt: FORMAT.score },
    { ...c.medianScore, numFmt: FORMAT.score },
    { ...c.passRate, numFmt: FORMAT.rate },
    { ...c.under50Rate, numFmt: FORMAT.rate },
    { ...c.meanDuration, numFmt: FORMAT.minutes },
  ]);
  for (const r of report.subUnits) {
    const f = r.figures;
    addRow(sheet, [
      r.unitCode,
      r.ownStaff ? texts.ownStaff(r.unitName) : r.unitName,
      f.roster,
      f.participants,
      f.participationRate,
      f.attempts,
      f.meanScore,
      f.medianScore,
      f.passRate,
      f.under50Rate,
      minutes(f.meanDurationMs),
    ]).commit();
  }
  sheet.sheet.commit();
}

function addTopicsSheet(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  report: UnitReport,
  texts: ReportWorkbookTexts,
): void {
  const c = texts.topicColumns;
  const sheet = sheetWith(workbook, texts.sheets.topics, [
    c.id,
    c.name,
    { ...c.asked, numFmt: FORMAT.int },
    { ...c.meanScore, numFmt: FORMAT.score },
  ]);
  for (const t of report.topics) {
    addRow(sheet, [t.topicId, t.topicName, t.asked, t.meanScore]).commit();
  }
  sheet.sheet.commit();
}

function addCandidatesSheet(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  input: ReportWorkbookInput,
): void {
  const { texts, names } = input;
  const c = texts.candidateColumns;
  const sheet = sheetWith(workbook, texts.sheets.candidates, [
    c.name,
    c.userId,
    c.unitCode,
    c.unitName,
    { ...c.attempts, numFmt: FORMAT.int },
    { ...c.firstScore, numFmt: FORMAT.score },
    { ...c.bestScore, numFmt: FORMAT.score },
    c.passed,
    { ...c.duration, numFmt: FORMAT.minutes },
    { ...c.submittedAt, numFmt: FORMAT.when },
  ]);
  const unitNames = new Map<string, string>();
  const unitName = (code: string): string => {
    let name = unitNames.get(code);
    if (name === undefined) unitNames.set(code, (name = names.unit(code) ?? code));
    return name;
  };
  const rows = input.participants
    .map((p) => ({ p, fullName: names.person(p.userId)?.fullName ?? p.userId }))
    .sort(
      (a, b) =>
        (a.p.unitCode < b.p.unitCode ? -1 : a.p.unitCode > b.p.unitCode ? 1 : 0) ||
        collator.compare(a.fullName, b.fullName) ||
        (a.p.userId < b.p.userId ? -1 : a.p.userId > b.p.userId ? 1 : 0),
    );
  for (const { p, fullName } of rows) {
    addRow(sheet, [
      fullName,
      p.userId,
      p.unitCode,
      unitName(p.unitCode),
      p.attempts,
      p.first.score,
      p.best.score,
      p.first.passed === null ? null : p.first.passed ? texts.yes : texts.no,
      minutes(p.first.durationMs),
      vietnamWallClock(p.first.submittedAt),
    ]).commit();
  }
  sheet.sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: 10 } };
  sheet.sheet.commit();
}

function addQuestionsSheet(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  input: ReportWorkbookInput,
): void {
  const { texts } = input;
  const c = texts.questionColumns;
  const sheet = sheetWith(workbook, texts.sheets.questions, [
    c.id,
    c.text,
    c.topic,
    { ...c.attempts, numFmt: FORMAT.int },
    { ...c.facility, numFmt: FORMAT.score },
    { ...c.discrimination, numFmt: FORMAT.score },
  ]);
  for (const q of input.questions) {
    addRow(sheet, [
      q.questionId,
      q.text,
      input.topicName(q.topicId) ?? q.topicId,
      q.attempts,
      q.facility,
      q.discrimination,
    ]).commit();
  }
  sheet.sheet.commit();
}

function minutes(ms: number | null): number | null {
  return ms === null ? null : ms / 60_000;
}

async function loadExcelJs(): Promise<typeof ExcelJS> {
  // Loaded on the first export only: exceljs is slow to load and most turns never need it.
  // Imported at run time, a CommonJS module may arrive as the default export (under tsx).
  const loaded = (await import('exceljs')) as typeof ExcelJS & { default?: typeof ExcelJS };
  return loaded.default ?? loaded;
}
