import type { QuestionStats } from './ports';
import type { QuestionFigure } from './report-types';

/** What the report needs to know about a question: its text and topic. */
export interface QuestionInfo {
  readonly text: string;
  readonly topicId: string;
}

/** Question id → text and topic; `undefined` for a question no longer in the bank. */
export type QuestionLookup = (questionId: string) => QuestionInfo | undefined;

/** How many questions the summary lists as the weakest. */
export const WEAKEST_QUESTIONS = 5;

/** Longest question text kept in a `QuestionFigure` (the card and the sheet stay readable). */
export const QUESTION_TEXT_MAX = 160;

/** Moodle's facility index: the mean of x (1 right, 0 wrong) as a percentage; null when n = 0. */
export function facilityIndex(q: QuestionStats): number | null {
  return q.n > 0 ? (100 * q.sumX) / q.n : null;
}

/**
 * Moodle's discrimination index: the Pearson correlation between the item score x and the score on
 * the rest of the test, ×100, from the sums in `QuestionStats`. Null when it is undefined: fewer
 * than 2 attempts, or no variance in x (everybody right or everybody wrong) or in the rest.
 */
export function discriminationIndex(q: QuestionStats): number | null {
  if (q.n < 2) return null;
  // The n²-scaled covariance and variances: with integer sums these are exact integers, so a
  // zero variance is recognised exactly (x² = x because x is 0 or 1).
  const cov = q.n * q.sumXRest - q.sumX * q.sumRest;
  const varX = q.n * q.sumX - q.sumX * q.sumX;
  const varRest = q.n * q.sumRestSquared - q.sumRest * q.sumRest;
  if (varX <= 0 || varRest <= 0) return null;
  const r = cov / Math.sqrt(varX * varRest);
  return Math.max(-100, Math.min(100, 100 * r));
}

/** Cuts a text to `max` characters at a word boundary when it can, with an ellipsis. */
export function shorten(text: string, max = QUESTION_TEXT_MAX): string {
  const flat = text.replace(/\s+/gu, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/**
 * Item statistics of every question with at least one attempt, ordered by question id. A question
 * missing from the lookup keeps its id as text and an empty topic.
 */
export function questionFigures(
  stats: readonly QuestionStats[],
  lookup: QuestionLookup,
): QuestionFigure[] {
  return stats
    .filter((q) => q.n > 0)
    .map((q) => {
      const info = lookup(q.questionId);
      return {
        questionId: q.questionId,
        text: shorten(info?.text ?? q.questionId),
        topicId: info?.topicId ?? '',
        attempts: q.n,
        facility: facilityIndex(q)!,
        discrimination: discriminationIndex(q),
      };
    })
    .sort((a, b) => compareText(a.questionId, b.questionId));
}

/**
 * The `count` questions with the lowest facility index; ties: the lower discrimination index first
 * (undefined last), then question id.
 */
export function weakestQuestions(
  figures: readonly QuestionFigure[],
  count = WEAKEST_QUESTIONS,
): QuestionFigure[] {
  return [...figures]
    .sort(
      (a, b) =>
        a.facility - b.facility ||
        nullsLast(a.discrimination, b.discrimination) ||
        compareText(a.questionId, b.questionId),
    )
    .slice(0, count);
}

function nullsLast(a: number | null, b: number | null): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  return a - b;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
