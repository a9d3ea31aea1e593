import { InvalidInputError } from '../errors';
import type { Attempt, AttemptScore, Contest } from '../quiz';
import { RESULT_EVENT_SCHEMA_VERSION, type ResultEvent } from './result-event';

/**
 * The result event of a submitted attempt (pure; no I/O). `score` is the attempt's mark as shown
 * to the person (`score(attempt, bank, contest?.passMark)`), `unitCode` the person's unit at submit
 * time (null when not in the directory). `passed` comes from the score, else from the contest's
 * pass mark, else null (practice). Each answer carries the bank option chosen, whether it was right
 * when answered, and the ms since the previous answer (or the start).
 *
 * Throws `InvalidInputError` for an attempt that is not submitted, or a contest that is not the
 * attempt's.
 */
export function resultEventFromAttempt(
  attempt: Attempt,
  score: AttemptScore,
  unitCode: string | null | undefined,
  contest?: Contest,
): ResultEvent {
  if (attempt.status !== 'submitted' || attempt.submittedAt === undefined) {
    throw new InvalidInputError(`attempt ${attempt.id} is not submitted`);
  }
  if (contest && contest.id !== attempt.contestId) {
    throw new InvalidInputError(
      `contest ${contest.id} is not the contest of attempt ${attempt.id}`,
    );
  }
  let previous = attempt.startedAt;
  const answers = attempt.plan.map((planned, i) => {
    const answer = attempt.answers[i];
    if (!answer) return { questionId: planned.questionId, chosen: null, correct: false, ms: null };
    const ms = Math.max(0, answer.at - previous);
    previous = Math.max(previous, answer.at);
    return {
      questionId: planned.questionId,
      chosen: answer.originalChoice,
      correct: answer.correct,
      ms,
    };
  });
  const byTopic: Record<string, { correct: number; total: number }> = {};
  for (const [topic, t] of Object.entries(score.byTopic)) {
    byTopic[topic] = { correct: t.correct, total: t.total };
  }
  return {
    schemaVersion: RESULT_EVENT_SCHEMA_VERSION,
    attemptId: attempt.id,
    contestId: attempt.contestId ?? null,
    mode: attempt.mode,
    userId: attempt.userId,
    unitCode: unitCode || null,
    startedAt: new Date(attempt.startedAt).toISOString(),
    submittedAt: new Date(attempt.submittedAt).toISOString(),
    durationMs: attempt.submittedAt - attempt.startedAt,
    score: score.score,
    correct: score.correct,
    total: score.total,
    passed: score.passed ?? (contest ? score.score >= contest.passMark : null),
    byTopic,
    answers,
    ...(attempt.tiebreakAnswer === undefined ? {} : { tiebreak: attempt.tiebreakAnswer }),
  };
}
