import { NotFoundError } from '../errors';
import { currentIndex, isComplete, remainingMs, type Attempt } from './attempt';
import { reviewAllowed, type Contest } from './contest-rules';
import { presentQuestion } from './present-question';
import { findQuestion } from './question-lookup';
import type { QuizBank } from './quiz-bank-loader';
import type {
  AnswerFeedback,
  FinishedAttempt,
  QuizOutcome,
  QuizRejection,
  ReviewItem,
} from './quiz-service';
import { score } from './score';

// Pure builders of the outcomes `QuizServiceImpl` returns: what the person sees of an attempt.

export function rejected(reason: QuizRejection, attempt?: Attempt): QuizOutcome {
  return attempt ? { kind: 'rejected', reason, attempt } : { kind: 'rejected', reason };
}

/** A contest attempt with every question answered that still waits for its tiebreak. */
export function awaitsTiebreak(attempt: Attempt, contest: Contest | undefined): boolean {
  return (
    attempt.status === 'in-progress' &&
    attempt.mode === 'contest' &&
    contest?.tiebreak !== undefined &&
    attempt.tiebreakAnswer === undefined &&
    isComplete(attempt)
  );
}

/**
 * Where a running attempt stands: its current question, or the tiebreak. `undefined` when every
 * question is answered and nothing is asked any more (the caller submits it).
 */
export function currentStep(
  attempt: Attempt,
  contest: Contest | undefined,
  bank: QuizBank,
  now: number,
  extra: { feedback?: AnswerFeedback; resumed?: boolean } = {},
): QuizOutcome | undefined {
  const left = remainingMs(attempt, now);
  const timing = left === undefined ? {} : { remainingMs: left };
  if (awaitsTiebreak(attempt, contest)) {
    return { kind: 'tiebreak', attempt, contest: contest!, ...timing };
  }
  const index = currentIndex(attempt);
  if (index === undefined) return undefined;
  return {
    kind: 'question',
    attempt,
    question: presentQuestion(attempt, index, bank),
    ...timing,
    ...(extra.feedback ? { feedback: extra.feedback } : {}),
    ...(extra.resumed ? { resumed: true } : {}),
  };
}

/**
 * The result of a submitted attempt: its score (with the contest's pass mark) and, when allowed
 * at `now`, the review of every wrong or unanswered question. Practice is always reviewable;
 * a contest as its `review` policy says.
 */
export function finishedAttempt(
  attempt: Attempt,
  contest: Contest | undefined,
  bank: QuizBank,
  now: number,
): FinishedAttempt {
  const result = score(attempt, bank, contest?.passMark);
  const canReview =
    attempt.mode === 'practice' || (contest !== undefined && reviewAllowed(contest, now));
  return {
    attempt,
    ...(contest ? { contest } : {}),
    score: result,
    ...(canReview ? { review: reviewItems(attempt, bank) } : {}),
  };
}

/** Every question answered wrong or not at all, in plan order, marked as `score` marks it. */
export function reviewItems(attempt: Attempt, bank: QuizBank): ReviewItem[] {
  const items: ReviewItem[] = [];
  attempt.plan.forEach((planned, i) => {
    const answer = attempt.answers[i];
    const question = findQuestion(bank, planned.questionId);
    const right =
      answer &&
      (question && question.options.length === planned.optionOrder.length
        ? answer.originalChoice === question.answer
        : answer.correct);
    if (right) return;
    try {
      items.push({ question: presentQuestion(attempt, i, bank), chosen: answer?.choice ?? null });
    } catch (err) {
      // A question removed from the bank since cannot be shown; the score still counts it.
      if (!(err instanceof NotFoundError)) throw err;
    }
  });
  return items;
}
