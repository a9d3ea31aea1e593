import { InvalidInputError } from '../../../src/errors';
import {
  answerQuestion,
  answerTiebreak,
  score,
  startAttempt,
  submitAttempt,
  type Attempt,
} from '../../../src/quiz';
import { checkResultEvent, resultEventFromAttempt } from '../../../src/results';
import { makeResultEvent } from '../../helpers/result-events';
import { makeBank, makeContest, MINUTE, T0 } from '../quiz/fixtures';

describe('result event schema (version 1)', () => {
  it('accepts a complete event and keeps exactly its fields', () => {
    const event = makeResultEvent(1);
    const checked = checkResultEvent(JSON.parse(JSON.stringify(event)));
    expect(checked).toEqual({ ok: true, event });
    expect(Object.keys(event).sort()).toEqual(
      [
        'schemaVersion',
        'attemptId',
        'contestId',
        'mode',
        'userId',
        'unitCode',
        'startedAt',
        'submittedAt',
        'durationMs',
        'score',
        'correct',
        'total',
        'passed',
        'byTopic',
        'answers',
        'tiebreak',
      ].sort(),
    );
  });

  it('accepts a practice without contest, pass mark, unit or tiebreak', () => {
    const practice = {
      ...makeResultEvent(2, { tiebreak: undefined }),
      mode: 'practice',
      contestId: null,
      passed: null,
      unitCode: null,
    };
    delete practice.tiebreak;
    expect(checkResultEvent(practice).ok).toBe(true);
  });

  it.each<[string, unknown, RegExp]>([
    ['another schema version', { ...makeResultEvent(), schemaVersion: 2 }, /schemaVersion/],
    ['a missing field', { ...makeResultEvent(), userId: undefined }, /userId/],
    ['an unknown field', { ...makeResultEvent(), extra: 1 }, /extra|Unrecognized/],
    ['a score above 100', { ...makeResultEvent(), score: 101 }, /score/],
    ['a local time', { ...makeResultEvent(), startedAt: '2026-11-02 08:00' }, /startedAt/],
    ['a contest without id', { ...makeResultEvent(), contestId: null }, /contestId/],
    ['more right than asked', { ...makeResultEvent(), correct: 5 }, /correct/],
    ['answers not matching total', { ...makeResultEvent(), total: 5 }, /answers/],
    ['a wrong duration', { ...makeResultEvent(), durationMs: 1 }, /durationMs/],
    [
      'topics not adding up',
      { ...makeResultEvent(), byTopic: { a: { correct: 1, total: 4 } } },
      /byTopic/,
    ],
    ['a string', 'not an event', /\(root\)/],
    ['null', null, /\(root\)/],
  ])('refuses %s with a reason naming the problem', (_name, data, reason) => {
    const checked = checkResultEvent(data);
    expect(checked.ok).toBe(false);
    if (!checked.ok) {
      expect(checked.reason).toMatch(/^invalid result event: /);
      expect(checked.reason).toMatch(reason);
    }
  });
});

describe('resultEventFromAttempt', () => {
  const bank = makeBank({ a: 5, b: 5 });
  const contest = makeContest({ tiebreak: { question: 'Bao nhiêu?' } as never });

  function finishedContest(rightAnswers: number): Attempt {
    let attempt = startAttempt({
      id: 'att-1',
      userId: 'u1',
      seed: 42,
      startedAt: T0,
      bank,
      mode: 'contest',
      contest,
    });
    for (let i = 0; i < attempt.plan.length; i++) {
      const planned = attempt.plan[i]!;
      const question = bank.questions.find((q) => q.id === planned.questionId)!;
      const rightChoice = planned.optionOrder.indexOf(question.answer);
      const choice =
        i < rightAnswers ? rightChoice : (rightChoice + 1) % planned.optionOrder.length;
      const result = answerQuestion(attempt, { index: i, choice, at: T0 + (i + 1) * MINUTE }, bank);
      if (!result.ok) throw new Error(result.reason);
      attempt = result.attempt;
    }
    const tb = answerTiebreak(attempt, { value: 77, at: T0 + 6 * MINUTE });
    if (!tb.ok) throw new Error(tb.reason);
    const submitted = submitAttempt(tb.attempt, T0 + 6 * MINUTE + 500, 'complete');
    if (!submitted.ok) throw new Error(submitted.reason);
    return submitted.attempt;
  }

  it('builds a valid event with per-question choices and times', () => {
    const attempt = finishedContest(3);
    const marks = score(attempt, bank, contest.passMark);
    const event = resultEventFromAttempt(attempt, marks, 'UBND-NK', contest);
    expect(checkResultEvent(event)).toEqual({ ok: true, event });
    expect(event).toMatchObject({
      schemaVersion: 1,
      attemptId: 'att-1',
      contestId: 'thu',
      mode: 'contest',
      userId: 'u1',
      unitCode: 'UBND-NK',
      startedAt: new Date(T0).toISOString(),
      submittedAt: new Date(T0 + 6 * MINUTE + 500).toISOString(),
      durationMs: 6 * MINUTE + 500,
      score: 60,
      correct: 3,
      total: 5,
      passed: true,
      tiebreak: 77,
    });
    expect(event.answers.map((a) => a.ms)).toEqual([MINUTE, MINUTE, MINUTE, MINUTE, MINUTE]);
    expect(event.answers.map((a) => a.correct)).toEqual([true, true, true, false, false]);
    const first = attempt.plan[0]!;
    expect(event.answers[0]).toMatchObject({
      questionId: first.questionId,
      chosen: attempt.answers[0]!.originalChoice,
    });
  });

  it('uses the contest pass mark when the score has none', () => {
    const attempt = finishedContest(2);
    const event = resultEventFromAttempt(attempt, score(attempt, bank), 'X', contest);
    expect(event.score).toBe(40);
    expect(event.passed).toBe(false);
  });

  it('writes a practice with unanswered questions as null choices and no pass mark', () => {
    let attempt = startAttempt({
      id: 'p-1',
      userId: 'u2',
      seed: 7,
      startedAt: T0,
      bank,
      mode: 'practice',
      count: 3,
    });
    const r = answerQuestion(attempt, { index: 0, choice: 0, at: T0 + 5000 }, bank);
    if (!r.ok) throw new Error(r.reason);
    const s = submitAttempt(r.attempt, T0 + 9000, 'cancelled');
    if (!s.ok) throw new Error(s.reason);
    attempt = s.attempt;
    const event = resultEventFromAttempt(attempt, score(attempt, bank), undefined);
    expect(checkResultEvent(event).ok).toBe(true);
    expect(event).toMatchObject({
      mode: 'practice',
      contestId: null,
      passed: null,
      unitCode: null,
    });
    expect(event.answers.slice(1)).toEqual([
      { questionId: attempt.plan[1]!.questionId, chosen: null, correct: false, ms: null },
      { questionId: attempt.plan[2]!.questionId, chosen: null, correct: false, ms: null },
    ]);
    expect(event).not.toHaveProperty('tiebreak');
  });

  it('refuses an attempt in progress and a contest that is not the attempt’s', () => {
    const running = startAttempt({
      id: 'r',
      userId: 'u',
      seed: 1,
      startedAt: T0,
      bank,
      mode: 'contest',
      contest,
    });
    expect(() => resultEventFromAttempt(running, score(running, bank), 'X', contest)).toThrow(
      InvalidInputError,
    );
    const done = finishedContest(1);
    expect(() =>
      resultEventFromAttempt(done, score(done, bank), 'X', makeContest({ id: 'other' })),
    ).toThrow(/not the contest/);
  });
});
