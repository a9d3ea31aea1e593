/*
 * The report model: what `/baocao`, the chart and the Excel export show. Built by the pure
 * functions of this folder from the ports' aggregates and the directory; rendered by `dialogs/`
 * (cards), the chart renderer and the workbook builder.
 */

/** Headline figures over a set of first attempts. Rates are 0..1; null when nothing to divide. */
export interface ScoreFigures {
  /** People in the roster (current directory) of the scope. */
  readonly roster: number;
  /** Distinct people with a first attempt in the scope. */
  readonly participants: number;
  /** Roster people who took part ÷ roster. */
  readonly participationRate: number | null;
  /** Every attempt, first or not. */
  readonly attempts: number;
  readonly meanScore: number | null;
  readonly medianScore: number | null;
  /** Passed ÷ participants. */
  readonly passRate: number | null;
  /** Share of participants scoring under 50. */
  readonly under50Rate: number | null;
  readonly meanDurationMs: number | null;
}

export interface TopicFigure {
  readonly topicId: string;
  readonly topicName: string;
  /** Right answers ÷ questions asked, as a score of 100; null when none asked. */
  readonly meanScore: number | null;
  readonly asked: number;
}

/** One row per direct sub-unit (its whole subtree), and one for people attached to the unit itself. */
export interface SubUnitRow {
  readonly unitCode: string;
  readonly unitName: string;
  /** True for the row of people attached directly to the report's unit. */
  readonly ownStaff: boolean;
  readonly figures: ScoreFigures;
}

/** Moodle's item statistics for one question, over first attempts. Indices in percent. */
export interface QuestionFigure {
  readonly questionId: string;
  /** Question text (shortened), topic. */
  readonly text: string;
  readonly topicId: string;
  readonly attempts: number;
  /** Facility index: mean of x, 0..100. */
  readonly facility: number;
  /** Discrimination index: Pearson correlation of x with the rest of the test, ×100; null when undefined. */
  readonly discrimination: number | null;
}

/** Change against the previous contest for the same audience. Deltas in score points / rate points. */
export interface Comparison {
  readonly contestId: string;
  readonly contestTitle: string;
  readonly previous: ScoreFigures;
  readonly meanScoreDelta: number | null;
  readonly passRateDelta: number | null;
  readonly participationRateDelta: number | null;
}

export interface UnitReport {
  readonly contestId: string;
  readonly contestTitle: string;
  readonly passMark: number;
  readonly unitCode: string;
  readonly unitName: string;
  /** ISO 8601 UTC when the report was computed. */
  readonly generatedAt: string;
  readonly figures: ScoreFigures;
  /** Length 101: first attempts by score (for the distribution chart). */
  readonly scoreCounts: readonly number[];
  readonly topics: readonly TopicFigure[];
  /** Weakest first (mean score ascending; units with no participant last). */
  readonly subUnits: readonly SubUnitRow[];
  /** The 5 questions with the lowest facility (at least one attempt). */
  readonly weakestQuestions: readonly QuestionFigure[];
  readonly comparison?: Comparison;
}
