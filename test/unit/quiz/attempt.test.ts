import { InvalidInputError, NotFoundError } from '../../../src/errors';
import {
  answerQuestion,
  answerTiebreak,
  currentIndex,
  durationMs,
  expireIfDue,
  isComplete,
  presentQuestion,
  remainingMs,
  startAttempt,
  submitAttempt,
  type Attempt,
  type QuizBank,
} from '../../../src/quiz';
import { makeBank, makeContest, MINUTE, T0 } from './fixtures';

const bank = makeBank({ a: 6, b: 4 });
const contest = makeContest();

const startContest = (overrides: { startedAt?: number; seed?: number } = {}) =>
  startAttempt({
    mode: 'contest',
    id: 'att-1',
    userId: 'u-1',
    seed: overrides.seed ?? 11,
    startedAt: overrides.startedAt ?? T0 + MINUTE,
    bank,
    contest,
  });
const startPractice = () =>
  startAttempt({
    mode: 'practice',
    id: 'p-1',
    userId: 'u-1',
    seed: 3,
    startedAt: T0,
    bank,
    count: 4,
  });

/** Answers question `index` with the right (or a wrong) displayed choice. */
function answer(attempt: Attempt, index: number, right: boolean, at = attempt.startedAt + 1000) {
  const { correctChoice, options } = presentQuestion(attempt, index, bank);
  const choice = right ? correctChoice : (correctChoice + 1) % options.length;
  const result = answerQuestion(attempt, { index, choice, at }, bank);
  if (!result.ok) throw new Error(`unexpected ${result.reason}`);
  return result;
}

describe('startAttempt', () => {
  it('starts a contest attempt with its plan, empty answers and a deadline', () => {
    const attempt = startContest();
    expect(attempt).toMatchObject({
      id: 'att-1',
      userId: 'u-1',
      mode: 'contest',
      contestId: 'thu',
      seed: 11,
      startedAt: T0 + MINUTE,
      deadline: T0 + 11 * MINUTE,
      status: 'in-progress',
      version: 0,
      answers: [null, null, null, null, null],
    });
    expect(attempt.plan).toHaveLength(5);
    expect(attempt.submittedAt).toBeUndefined();
    expect(currentIndex(attempt)).toBe(0);
  });

  it('caps the deadline at the contest close', () => {
    const attempt = startContest({ startedAt: contest.closesAt - 3 * MINUTE });
    expect(attempt.deadline).toBe(contest.closesAt);
    expect(remainingMs(attempt, contest.closesAt - 3 * MINUTE)).toBe(3 * MINUTE);
  });

  it('starts a practice without deadline or contest', () => {
    const attempt = startPractice();
    expect(attempt.mode).toBe('practice');
    expect(attempt.contestId).toBeUndefined();
    expect(attempt.deadline).toBeUndefined();
    expect(attempt.plan).toHaveLength(4);
    expect(remainingMs(attempt, T0 + 999 * MINUTE)).toBeUndefined();
  });

  it('replays: the same seed gives the same attempt', () => {
    expect(startContest({ seed: 5 })).toEqual(startContest({ seed: 5 }));
  });

  it.each([
    ['before it opens', { startedAt: T0 - 1 }],
    ['at its close', { startedAt: contest.closesAt }],
    ['with a bad seed', { seed: -1 }],
  ])('refuses a contest attempt %s', (_, overrides) => {
    expect(() => startContest(overrides)).toThrow(InvalidInputError);
  });

  it('refuses an impossible practice draw and a missing user', () => {
    const base = { mode: 'practice', id: 'p', userId: 'u', seed: 1, startedAt: T0, bank } as const;
    expect(() => startAttempt({ ...base, count: 11 })).toThrow(InvalidInputError);
    expect(() => startAttempt({ ...base, count: 1, topic: 'z' })).toThrow(/not in the quiz bank/);
    expect(() => startAttempt({ ...base, userId: '', count: 1 })).toThrow(InvalidInputError);
  });
});

describe('answerQuestion', () => {
  it('records a right answer in displayed order with the original option and bumps version', () => {
    const attempt = startContest();
    const result = answer(attempt, 0, true, T0 + 2 * MINUTE);
    const planned = attempt.plan[0]!;
    const question = bank.questions.find((q) => q.id === planned.questionId)!;
    expect(result.correct).toBe(true);
    expect(result.complete).toBe(false);
    expect(result.attempt.version).toBe(1);
    expect(result.attempt.answers[0]).toEqual({
      choice: result.question.correctChoice,
      originalChoice: question.answer,
      correct: true,
      at: T0 + 2 * MINUTE,
    });
    expect(result.question).toMatchObject({
      index: 0,
      total: 5,
      questionId: question.id,
      explanation: question.explanation,
      source: question.source,
    });
    expect(result.question.options[result.question.correctChoice]).toBe(
      question.options[question.answer],
    );
    expect(currentIndex(result.attempt)).toBe(1);
    // The input attempt is untouched.
    expect(attempt.answers[0]).toBeNull();
    expect(attempt.version).toBe(0);
  });

  it('records a wrong answer', () => {
    const result = answer(startContest(), 0, false);
    expect(result.correct).toBe(false);
    expect(result.attempt.answers[0]?.correct).toBe(false);
  });

  it('reports complete after the last answer but leaves the attempt in progress', () => {
    let attempt = startPractice();
    for (let i = 0; i < 4; i++) {
      const result = answer(attempt, i, i % 2 === 0);
      expect(result.complete).toBe(i === 3);
      attempt = result.attempt;
    }
    expect(attempt.status).toBe('in-progress');
    expect(isComplete(attempt)).toBe(true);
    expect(currentIndex(attempt)).toBeUndefined();
    expect(attempt.version).toBe(4);
  });

  describe('refuses, changing nothing', () => {
    const attempt = startContest();
    const first = answer(attempt, 0, true).attempt;

    it.each<[string, Attempt, { index: number; choice: number; at: number }, string]>([
      [
        'not-in-progress',
        submitOrThrow(first),
        { index: 1, choice: 0, at: T0 + 2 * MINUTE },
        'submitted',
      ],
      ['deadline-passed', first, { index: 1, choice: 0, at: T0 + 11 * MINUTE }, 'at the deadline'],
      [
        'deadline-passed',
        first,
        { index: 1, choice: 0, at: T0 + 60 * MINUTE },
        'after the deadline',
      ],
      ['already-answered', first, { index: 0, choice: 1, at: T0 + 2 * MINUTE }, 'a second answer'],
      ['wrong-question', first, { index: 2, choice: 0, at: T0 + 2 * MINUTE }, 'a later question'],
      ['wrong-question', first, { index: 5, choice: 0, at: T0 + 2 * MINUTE }, 'past the plan'],
      ['wrong-question', first, { index: -1, choice: 0, at: T0 + 2 * MINUTE }, 'a negative index'],
      [
        'wrong-question',
        first,
        { index: 1.5, choice: 0, at: T0 + 2 * MINUTE },
        'a fractional index',
      ],
      ['wrong-question', first, { index: Number.NaN, choice: 0, at: T0 + 2 * MINUTE }, 'NaN'],
      ['choice-out-of-range', first, { index: 1, choice: 4, at: T0 + 2 * MINUTE }, 'choice E of 4'],
      [
        'choice-out-of-range',
        first,
        { index: 1, choice: -1, at: T0 + 2 * MINUTE },
        'a negative choice',
      ],
      [
        'choice-out-of-range',
        first,
        { index: 1, choice: 0.5, at: T0 + 2 * MINUTE },
        'a fractional choice',
      ],
    ])('%s (%#: %s)', (reason, target, input) => {
      const before = JSON.stringify(target);
      expect(answerQuestion(target, input, bank)).toEqual({ ok: false, reason });
      expect(JSON.stringify(target)).toBe(before);
    });

    it('a duplicate delivery of the same answer is already-answered', () => {
      const input = { index: 1, choice: 2, at: T0 + 3 * MINUTE };
      const once = answerQuestion(first, input, bank);
      if (!once.ok) throw new Error('first delivery refused');
      expect(answerQuestion(once.attempt, input, bank)).toEqual({
        ok: false,
        reason: 'already-answered',
      });
    });

    it('not-in-progress wins over every other reason', () => {
      const done = submitOrThrow(first);
      expect(answerQuestion(done, { index: 0, choice: 9, at: T0 + 99 * MINUTE }, bank)).toEqual({
        ok: false,
        reason: 'not-in-progress',
      });
    });
  });

  it('throws NotFoundError when the bank lost a planned question', () => {
    const attempt = startContest();
    const smaller: QuizBank = {
      topics: [],
      questions: [],
    };
    expect(() =>
      answerQuestion(attempt, { index: 0, choice: 0, at: T0 + MINUTE }, smaller),
    ).toThrow(NotFoundError);
  });
});

function submitOrThrow(attempt: Attempt): Attempt {
  const result = submitAttempt(attempt, T0 + 2 * MINUTE, 'user');
  if (!result.ok) throw new Error(result.reason);
  return result.attempt;
}

describe('submitAttempt', () => {
  it('submits with the reason and time; unanswered stay null', () => {
    const attempt = answer(startContest(), 0, true).attempt;
    const result = submitAttempt(attempt, T0 + 4 * MINUTE, 'user');
    expect(result).toEqual({
      ok: true,
      attempt: {
        ...attempt,
        status: 'submitted',
        submittedAt: T0 + 4 * MINUTE,
        submitReason: 'user',
        version: 2,
      },
    });
    if (result.ok) {
      expect(durationMs(result.attempt)).toBe(3 * MINUTE);
      expect(remainingMs(result.attempt, T0 + 4 * MINUTE)).toBe(0);
      expect(currentIndex(result.attempt)).toBeUndefined();
    }
  });

  it('refuses a second submission (not-in-progress)', () => {
    const done = submitOrThrow(startContest());
    expect(submitAttempt(done, T0 + 3 * MINUTE, 'user')).toEqual({
      ok: false,
      reason: 'not-in-progress',
    });
  });

  it('refuses reason complete while a question is unanswered', () => {
    expect(submitAttempt(startContest(), T0 + 3 * MINUTE, 'complete')).toEqual({
      ok: false,
      reason: 'incomplete',
    });
  });

  it('accepts complete and cancelled', () => {
    let attempt = startPractice();
    for (let i = 0; i < 4; i++) attempt = answer(attempt, i, true).attempt;
    expect(submitAttempt(attempt, T0 + MINUTE, 'complete')).toMatchObject({
      ok: true,
      attempt: { status: 'submitted', submitReason: 'complete' },
    });
    expect(submitAttempt(startPractice(), T0 + MINUTE, 'cancelled')).toMatchObject({
      ok: true,
      attempt: { submitReason: 'cancelled' },
    });
  });

  it('turns a late submission into a deadline submission at the deadline', () => {
    const attempt = startContest();
    expect(submitAttempt(attempt, T0 + 30 * MINUTE, 'user')).toMatchObject({
      ok: true,
      attempt: { status: 'submitted', submitReason: 'deadline', submittedAt: attempt.deadline },
    });
  });

  it('never records a submission before the start', () => {
    const attempt = startPractice();
    const result = submitAttempt(attempt, T0 - 5000, 'user');
    expect(result.ok && durationMs(result.attempt)).toBe(0);
  });
});

describe('expireIfDue', () => {
  const attempt = startContest();

  it('returns the same object before the deadline and for practice', () => {
    expect(expireIfDue(attempt, T0 + 11 * MINUTE - 1)).toBe(attempt);
    const practice = startPractice();
    expect(expireIfDue(practice, T0 + 9999 * MINUTE)).toBe(practice);
  });

  it('submits at the deadline with reason deadline, once', () => {
    const expired = expireIfDue(attempt, T0 + 11 * MINUTE);
    expect(expired).toMatchObject({
      status: 'submitted',
      submitReason: 'deadline',
      submittedAt: T0 + 11 * MINUTE,
      version: 1,
    });
    expect(expireIfDue(expired, T0 + 99 * MINUTE)).toBe(expired);
    // Found hours later (e.g. on start-up after a crash): still submitted at the deadline.
    expect(expireIfDue(attempt, T0 + 600 * MINUTE).submittedAt).toBe(T0 + 11 * MINUTE);
  });
});

describe('remainingMs', () => {
  it('counts down and never goes negative', () => {
    const attempt = startContest();
    expect(remainingMs(attempt, T0 + MINUTE)).toBe(10 * MINUTE);
    expect(remainingMs(attempt, T0 + 10 * MINUTE)).toBe(MINUTE);
    expect(remainingMs(attempt, T0 + 20 * MINUTE)).toBe(0);
  });
});

describe('answerTiebreak', () => {
  const attempt = startContest();
  const at = T0 + 2 * MINUTE;

  it('records the prediction once', () => {
    const result = answerTiebreak(attempt, { value: 1500, at });
    expect(result).toEqual({ ok: true, attempt: { ...attempt, tiebreakAnswer: 1500, version: 1 } });
    if (result.ok) {
      expect(answerTiebreak(result.attempt, { value: 7, at })).toEqual({
        ok: false,
        reason: 'already-answered',
      });
    }
  });

  it.each<[string, Attempt, number, number]>([
    ['not-in-progress', submitOrThrow(startContest()), 10, T0 + 2 * MINUTE],
    ['deadline-passed', startContest(), 10, T0 + 11 * MINUTE],
    ['not-a-contest', startPractice(), 10, T0 + 2 * MINUTE],
    ['invalid-value', startContest(), -1, T0 + 2 * MINUTE],
    ['invalid-value', startContest(), 2.5, T0 + 2 * MINUTE],
    ['invalid-value', startContest(), 1e12, T0 + 2 * MINUTE],
  ])('refuses: %s', (reason, target, value, when) => {
    expect(answerTiebreak(target, { value, at: when })).toEqual({ ok: false, reason });
  });

  it('can be given after the last answer, before submitting', () => {
    let current = startContest();
    for (let i = 0; i < 5; i++) current = answer(current, i, true).attempt;
    const result = answerTiebreak(current, { value: 42, at });
    expect(result.ok).toBe(true);
  });
});

describe('presentQuestion', () => {
  it('shows options in the attempt order and refuses indexes outside the plan', () => {
    const attempt = startContest();
    const planned = attempt.plan[2]!;
    const question = bank.questions.find((q) => q.id === planned.questionId)!;
    const shown = presentQuestion(attempt, 2, bank);
    expect(shown.options).toEqual(planned.optionOrder.map((i) => question.options[i]));
    expect(planned.optionOrder[shown.correctChoice]).toBe(question.answer);
    expect(() => presentQuestion(attempt, 5, bank)).toThrow(InvalidInputError);
  });

  it('throws NotFoundError when the question changed its number of options', () => {
    const attempt = startContest();
    const changed = makeBank({ a: 6, b: 4 }, [3]);
    expect(() => presentQuestion(attempt, 0, changed)).toThrow(NotFoundError);
  });
});
