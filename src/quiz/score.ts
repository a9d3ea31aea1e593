import type { Attempt } from './attempt';
import { findQuestion } from './question-lookup';
import type { QuizBank } from './quiz-bank-loader';

export interface TopicScore {
  readonly correct: number;
  readonly total: number;
}

export interface AttemptScore {
  /** Questions answered right; unanswered questions count as wrong. */
  readonly correct: number;
  /** Questions in the attempt. */
  readonly total: number;
  /** `scorePercent(correct, total)`: an integer in 0..100. */
  readonly score: number;
  /** `score ≥ passMark`; present only when a pass mark was given. */
  readonly passed?: boolean;
  /** Topic id → right answers and questions of that topic, for every topic in the plan. */
  readonly byTopic: Readonly<Record<string, TopicScore>>;
}

/**
 * The score of 100 for `correct` right answers out of `total`, ROUNDED DOWN to an integer
 * (`⌊100·correct/total⌋`, computed in integers), so it never overstates a result and "passed"
 * means exactly what the person sees: score ≥ passMark. 0 when `total` is 0.
 */
export function scorePercent(correct: number, total: number): number {
  if (total <= 0) return 0;
  return Math.floor((100 * Math.min(Math.max(correct, 0), total)) / total);
}

/**
 * Marks an attempt (in progress or submitted). Each answer is re-marked against `bank`
 * (`originalChoice === question.answer`), so a corrected answer key regrades past attempts; for a
 * question no longer in the bank (or whose options changed) the `correct` flag recorded when it
 * was answered is kept. With an unchanged bank the result equals the recorded flags.
 */
export function score(attempt: Attempt, bank: QuizBank, passMark?: number): AttemptScore {
  const byTopic: Record<string, { correct: number; total: number }> = {};
  let correct = 0;
  attempt.plan.forEach((planned, i) => {
    const topic = (byTopic[planned.topic] ??= { correct: 0, total: 0 });
    topic.total++;
    const answer = attempt.answers[i];
    if (!answer) return;
    const question = findQuestion(bank, planned.questionId);
    const right =
      question && question.options.length === planned.optionOrder.length
        ? answer.originalChoice === question.answer
        : answer.correct;
    if (right) {
      topic.correct++;
      correct++;
    }
  });
  const total = attempt.plan.length;
  const percent = scorePercent(correct, total);
  return {
    correct,
    total,
    score: percent,
    ...(passMark === undefined ? {} : { passed: percent >= passMark }),
    byTopic,
  };
}
