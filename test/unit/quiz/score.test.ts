import fc from 'fast-check';
import {
  answerQuestion,
  presentQuestion,
  score,
  scorePercent,
  startAttempt,
  submitAttempt,
  type Attempt,
  type QuizBank,
} from '../../../src/quiz';
import { makeBank, makeContest, MINUTE, T0 } from './fixtures';

const bank = makeBank({ a: 6, b: 4 });

/** An attempt of `count` questions where answer i is right when `pattern[i]` is true, skipped when null. */
function sit(pattern: readonly (boolean | null)[], b: QuizBank = bank, seed = 1): Attempt {
  let attempt = startAttempt({
    mode: 'practice',
    id: 'p',
    userId: 'u',
    seed,
    startedAt: T0,
    bank: b,
    count: pattern.length,
  });
  // Answers are sequential: stop at the first skipped one, the rest stay unanswered.
  for (const [i, right] of pattern.entries()) {
    if (right === null) break;
    const shown = presentQuestion(attempt, i, b);
    const choice = right ? shown.correctChoice : (shown.correctChoice + 1) % shown.options.length;
    const result = answerQuestion(attempt, { index: i, choice, at: T0 + i }, b);
    if (!result.ok) throw new Error(result.reason);
    attempt = result.attempt;
  }
  const submitted = submitAttempt(attempt, T0 + MINUTE, 'user');
  if (!submitted.ok) throw new Error(submitted.reason);
  return submitted.attempt;
}

describe('scorePercent', () => {
  it.each([
    [0, 20, 0],
    [10, 20, 50],
    [20, 20, 100],
    [1, 3, 33],
    [2, 3, 66],
    [199, 200, 99],
    [0, 0, 0],
  ])('%d of %d → %d (rounded down)', (correct, total, expected) => {
    expect(scorePercent(correct, total)).toBe(expected);
  });
});

describe('score', () => {
  it('counts right answers, unanswered as wrong, per topic', () => {
    const attempt = sit([true, false, true, null, null]);
    const result = score(attempt, bank, 50);
    expect(result).toMatchObject({ correct: 2, total: 5, score: 40, passed: false });
    const topics = Object.values(result.byTopic);
    expect(topics.reduce((n, t) => n + t.total, 0)).toBe(5);
    expect(topics.reduce((n, t) => n + t.correct, 0)).toBe(2);
    for (const [topic, t] of Object.entries(result.byTopic)) {
      expect(t.total).toBe(attempt.plan.filter((p) => p.topic === topic).length);
    }
  });

  it('passes at exactly the pass mark, as displayed', () => {
    expect(score(sit([true, true, false, false]), bank, 50)).toMatchObject({
      score: 50,
      passed: true,
    });
    // 2 of 3 = 66.67 shows as 66: a pass mark of 66.5 is not reached.
    expect(score(sit([true, true, false]), bank, 66.5)).toMatchObject({ score: 66, passed: false });
  });

  it('omits passed without a pass mark', () => {
    expect(score(sit([true]), bank)).not.toHaveProperty('passed');
  });

  it('scores a contest attempt that expired with nothing answered as 0', () => {
    const attempt = startAttempt({
      mode: 'contest',
      id: 'c',
      userId: 'u',
      seed: 2,
      startedAt: T0,
      bank,
      contest: makeContest(),
    });
    expect(score(attempt, bank, 0)).toMatchObject({ correct: 0, total: 5, score: 0, passed: true });
  });

  it('regrades against a corrected answer key, keeps the recorded flag for vanished questions', () => {
    const attempt = sit([true, true, true, true]);
    const first = attempt.plan[0]!.questionId;
    const corrected: QuizBank = {
      topics: bank.topics,
      questions: bank.questions.map((q) =>
        q.id === first ? { ...q, answer: (q.answer + 1) % q.options.length } : q,
      ),
    };
    expect(score(attempt, corrected).correct).toBe(3);
    const vanished: QuizBank = { topics: [], questions: [] };
    expect(score(attempt, vanished).correct).toBe(4);
  });
});

describe('score properties', () => {
  const bigBank = makeBank({ a: 12, b: 9, c: 7 }, [2, 3, 4, 5, 6]);

  it('is an integer in 0..100 equal to ⌊100·correct/total⌋, correct = right answers given', () => {
    fc.assert(
      fc.property(
        fc.array(fc.option(fc.boolean(), { nil: null }), { minLength: 1, maxLength: 28 }),
        fc.integer({ min: 0, max: 0xffff_ffff }),
        fc.integer({ min: 0, max: 100 }),
        (pattern, seed, passMark) => {
          const attempt = sit(pattern, bigBank, seed);
          const result = score(attempt, bigBank, passMark);
          const firstSkip = pattern.indexOf(null);
          const answered = firstSkip < 0 ? pattern : pattern.slice(0, firstSkip);
          const right = answered.filter(Boolean).length;
          expect(result.correct).toBe(right);
          expect(result.total).toBe(pattern.length);
          expect(Number.isInteger(result.score)).toBe(true);
          expect(result.score).toBeGreaterThanOrEqual(0);
          expect(result.score).toBeLessThanOrEqual(100);
          expect(result.score).toBe(Math.floor((100 * right) / pattern.length));
          expect(result.passed).toBe(result.score >= passMark);
          expect(result.correct).toBe(attempt.answers.filter((a) => a?.correct).length);
        },
      ),
      { numRuns: 200 },
    );
  });
});
