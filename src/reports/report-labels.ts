/*
 * The words the chart and the workbook print, as types. The Vietnamese values live in
 * `dialogs/report-texts.ts` (one place to review wording and diacritics); the composition root
 * passes them in.
 */

/** Titles and labels of the report chart. */
export interface ReportChartTexts {
  /** Title over both panels, e.g. the contest and the unit. */
  readonly title: (contestTitle: string, unitName: string) => string;
  readonly distributionTitle: string;
  /** X axis of the distribution: score bands. */
  readonly scoreBandAxis: string;
  /** Y axis of the distribution: number of people. */
  readonly peopleAxis: string;
  readonly subUnitTitle: string;
  /** Axis of the sub-unit bars: mean score. */
  readonly meanScoreAxis: string;
  /** Axis of the sub-unit bars: the units. */
  readonly unitAxis: string;
  /** Label of the row for people attached directly to the unit. */
  readonly ownStaff: (unitName: string) => string;
  /** Legend or note of the pass-mark rule, e.g. `Điểm đạt: 50`. */
  readonly passMark: (passMark: number) => string;
  /** Shown in place of the bars when no sub-unit has a participant. */
  readonly noData: string;
  /** A mean score as written next to its bar, e.g. `72,4` (Vietnamese decimal comma). */
  readonly score: (score: number) => string;
}

/** A sheet's column: its header and how wide it is (characters). */
export interface ColumnText {
  readonly header: string;
  readonly width: number;
}

/** Sheet names, headers and words of the Excel export. */
export interface ReportWorkbookTexts {
  readonly sheets: {
    readonly summary: string;
    readonly units: string;
    readonly topics: string;
    readonly candidates: string;
    readonly questions: string;
  };
  /** Labels of the summary sheet, one row each. */
  readonly summary: {
    readonly heading: string;
    readonly contest: string;
    readonly unit: string;
    readonly generatedAt: string;
    readonly passMark: string;
    readonly roster: string;
    readonly participants: string;
    readonly participationRate: string;
    readonly attempts: string;
    readonly meanScore: string;
    readonly medianScore: string;
    readonly passRate: string;
    readonly under50Rate: string;
    readonly meanDuration: string;
    readonly previousContest: string;
    readonly meanScoreDelta: string;
    readonly passRateDelta: string;
    readonly participationRateDelta: string;
    /** Column headers of the label/value table. */
    readonly item: string;
    readonly value: string;
  };
  /** Columns of the sub-unit sheet, in order. */
  readonly unitColumns: {
    readonly code: ColumnText;
    readonly name: ColumnText;
    readonly roster: ColumnText;
    readonly participants: ColumnText;
    readonly participationRate: ColumnText;
    readonly attempts: ColumnText;
    readonly meanScore: ColumnText;
    readonly medianScore: ColumnText;
    readonly passRate: ColumnText;
    readonly under50Rate: ColumnText;
    readonly meanDuration: ColumnText;
  };
  readonly topicColumns: {
    readonly id: ColumnText;
    readonly name: ColumnText;
    readonly asked: ColumnText;
    readonly meanScore: ColumnText;
  };
  readonly candidateColumns: {
    readonly name: ColumnText;
    readonly userId: ColumnText;
    readonly unitCode: ColumnText;
    readonly unitName: ColumnText;
    readonly attempts: ColumnText;
    readonly firstScore: ColumnText;
    readonly bestScore: ColumnText;
    readonly passed: ColumnText;
    readonly duration: ColumnText;
    readonly submittedAt: ColumnText;
  };
  readonly questionColumns: {
    readonly id: ColumnText;
    readonly text: ColumnText;
    readonly topic: ColumnText;
    readonly attempts: ColumnText;
    readonly facility: ColumnText;
    readonly discrimination: ColumnText;
  };
  readonly ownStaff: (unitName: string) => string;
  readonly yes: string;
  readonly no: string;
}
