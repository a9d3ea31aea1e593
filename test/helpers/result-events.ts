import type { ResultEvent } from '../../src/results';

/**
 * A valid version-1 result event: a contest attempt of 4 questions (topics a: 3, b: 1), 3 right,
 * by `user-<i % 7>`. `i` makes the attempt id and the instants unique.
 */
export function makeResultEvent(i = 0, overrides: Partial<ResultEvent> = {}): ResultEvent {
  const started = Date.parse('2026-11-02T01:00:00.000Z') + i * 1000;
  return {
    schemaVersion: 1,
    attemptId: `attempt-${String(i).padStart(6, '0')}`,
    contestId: 'thi-2026',
    mode: 'contest',
    userId: `user-${i % 7}`,
    unitCode: 'UBND-NK',
    startedAt: new Date(started).toISOString(),
    submittedAt: new Date(started + 95_000).toISOString(),
    durationMs: 95_000,
    score: 75,
    correct: 3,
    total: 4,
    passed: true,
    byTopic: { a: { correct: 2, total: 3 }, b: { correct: 1, total: 1 } },
    answers: [
      { questionId: 'a-1', chosen: 2, correct: true, ms: 20_000 },
      { questionId: 'a-2', chosen: 0, correct: false, ms: 30_000 },
      { questionId: 'a-3', chosen: 1, correct: true, ms: 25_000 },
      { questionId: 'b-1', chosen: 3, correct: true, ms: 20_000 },
    ],
    tiebreak: 1234,
    ...overrides,
  };
}
