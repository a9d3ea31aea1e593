import type { ParticipantAttempt } from '../../src/reports/ports';
import type { ResultEvent } from '../../src/results';

/** What {@link contestResult} needs; the rest of the event is derived from it. */
export interface ContestResultSpec {
  attempt: string;
  user: string;
  /** null: the person was not in the directory. */
  unit: string | null;
  /** null: a practice. */
  contest?: string | null;
  /** Seconds after 2026-11-02T01:00:00Z. */
  startedSec: number;
  durationMs?: number;
  /** Question ids with whether each was answered right; the topic is the id's part before `-`. */
  answers: readonly (readonly [string, boolean])[];
  /** Defaults to score ≥ 50 for contests, null for a practice. */
  passed?: boolean | null;
  tiebreak?: number;
}

/** A valid result event built from a short spec (consistent correct/total/byTopic/score). */
export function contestResult(spec: ContestResultSpec): ResultEvent {
  const contestId = spec.contest === undefined ? 'thi-2026' : spec.contest;
  const started = Date.parse('2026-11-02T01:00:00.000Z') + spec.startedSec * 1000;
  const durationMs = spec.durationMs ?? 60_000;
  const byTopic: Record<string, { correct: number; total: number }> = {};
  for (const [questionId, right] of spec.answers) {
    const topic = questionId.split('-')[0]!;
    const t = (byTopic[topic] ??= { correct: 0, total: 0 });
    t.total++;
    if (right) t.correct++;
  }
  const correct = spec.answers.filter(([, right]) => right).length;
  const total = spec.answers.length;
  const score = total === 0 ? 0 : Math.round((100 * correct) / total);
  return {
    schemaVersion: 1,
    attemptId: spec.attempt,
    contestId,
    mode: contestId === null ? 'practice' : 'contest',
    userId: spec.user,
    unitCode: spec.unit,
    startedAt: new Date(started).toISOString(),
    submittedAt: new Date(started + durationMs).toISOString(),
    durationMs,
    score,
    correct,
    total,
    passed: spec.passed !== undefined ? spec.passed : contestId === null ? null : score >= 50,
    byTopic,
    answers: spec.answers.map(([questionId, right], i) => ({
      questionId,
      chosen: right ? 0 : 1,
      correct: right,
      ms: i === 0 ? durationMs : 0,
    })),
    ...(spec.tiebreak === undefined ? {} : { tiebreak: spec.tiebreak }),
  };
}

/** The participant attempt that the reports should see for a stored result. */
export function participantAttempt(e: ResultEvent): ParticipantAttempt {
  return {
    attemptId: e.attemptId,
    startedAt: e.startedAt,
    submittedAt: e.submittedAt,
    durationMs: e.durationMs,
    score: e.score,
    correct: e.correct,
    total: e.total,
    passed: e.passed,
    ...(e.tiebreak === undefined ? {} : { tiebreak: e.tiebreak }),
    byTopic: e.byTopic,
  };
}
