import { InvalidInputError, NotFoundError } from '../errors';
import type { PlannedQuestion } from './draw';
import { findQuestion } from './question-lookup';
import type { QuizSource } from './quiz-bank-schema';
import type { QuizBank } from './quiz-bank-loader';

/** A question of an attempt as the person sees it: options in the attempt's displayed order. */
export interface PresentedQuestion {
  /** 0-based index in the attempt ("Câu index+1/total"). */
  readonly index: number;
  readonly total: number;
  readonly questionId: string;
  readonly topic: string;
  readonly difficulty: number;
  readonly text: string;
  /** Option texts in DISPLAYED order: `options[0]` is A. */
  readonly options: readonly string[];
  /** Displayed index of the correct option. Never show it during a contest. */
  readonly correctChoice: number;
  readonly explanation: string;
  /** Knowledge document and section that state the answer (for the citation link). */
  readonly source: QuizSource;
}

/** What {@link presentQuestion} reads of an attempt: its id (for errors) and its plan. */
export interface PlannedAttempt {
  readonly id: string;
  readonly plan: readonly PlannedQuestion[];
}

/**
 * The question at `index` of `attempt`, resolved in `bank`. Throws `InvalidInputError` for an
 * index outside the plan and `NotFoundError` when the bank no longer holds the planned question
 * or its number of options changed (the bank was edited under a running attempt).
 */
export function presentQuestion(
  attempt: PlannedAttempt,
  index: number,
  bank: QuizBank,
): PresentedQuestion {
  const planned = attempt.plan[index];
  if (!Number.isInteger(index) || !planned) {
    throw new InvalidInputError(`attempt ${attempt.id} has no question ${index}`);
  }
  const question = findQuestion(bank, planned.questionId);
  if (!question || question.options.length !== planned.optionOrder.length) {
    throw new NotFoundError(
      `question "${planned.questionId}" of attempt ${attempt.id} is missing from the quiz bank or has changed`,
    );
  }
  return {
    index,
    total: attempt.plan.length,
    questionId: question.id,
    topic: planned.topic,
    difficulty: question.difficulty,
    text: question.question,
    options: planned.optionOrder.map((original) => question.options[original]!),
    correctChoice: planned.optionOrder.indexOf(question.answer),
    explanation: question.explanation,
    source: question.source,
  };
}
