import { InvalidInputError } from '../../../src/errors';
import {
  answerQuestion,
  answerTiebreak,
  parseAttempt,
  startAttempt,
  submitAttempt,
  type Attempt,
} from '../../../src/quiz';
import { makeBank, makeContest, MINUTE, T0 } from './fixtures';

const bank = makeBank({ a: 6, b: 4 });

function sampleAttempt(): Attempt {
  let attempt = startAttempt({
    mode: 'contest',
    id: 'c-1',
    userId: 'u-1',
    seed: 9,
    startedAt: T0,
    bank,
    contest: makeContest({ tiebreak: { question: 'Dự đoán số người tham gia?' } }),
  });
  const answered = answerQuestion(attempt, { index: 0, choice: 2, at: T0 + 1000 }, bank);
  if (!answered.ok) throw new Error(answered.reason);
  const predicted = answerTiebreak(answered.attempt, { value: 321, at: T0 + 2000 });
  if (!predicted.ok) throw new Error(predicted.reason);
  const submitted = submitAttempt(predicted.attempt, T0 + MINUTE, 'user');
  if (!submitted.ok) throw new Error(submitted.reason);
  attempt = submitted.attempt;
  return attempt;
}

describe('parseAttempt', () => {
  it('round-trips an attempt through JSON unchanged', () => {
    const attempt = sampleAttempt();
    expect(parseAttempt(JSON.parse(JSON.stringify(attempt)))).toEqual(attempt);
    const fresh = startAttempt({
      mode: 'practice',
      id: 'p',
      userId: 'u',
      seed: 0,
      startedAt: T0,
      bank,
      count: 3,
    });
    expect(parseAttempt(JSON.parse(JSON.stringify(fresh)))).toEqual(fresh);
  });

  const broken: [string, (a: Record<string, unknown> & Attempt) => unknown, RegExp][] = [
    [
      'missing answer slots',
      (a) => ({ ...a, answers: a.answers.slice(1) }),
      /answers: must have one entry/,
    ],
    [
      'an answer inconsistent with the option order',
      (a) => ({ ...a, answers: [{ ...a.answers[0]!, originalChoice: 99 }, ...a.answers.slice(1)] }),
      /answers\.0: choice and originalChoice disagree/,
    ],
    [
      'an option order that is not a permutation',
      (a) => ({ ...a, plan: [{ ...a.plan[0]!, optionOrder: [0, 0, 1, 2] }, ...a.plan.slice(1)] }),
      /plan\.0: optionOrder must be a permutation/,
    ],
    [
      'submitted without a reason',
      (a) => ({ ...a, submitReason: undefined }),
      /status: submittedAt and submitReason/,
    ],
    [
      'a contest without contestId',
      (a) => ({ ...a, contestId: undefined }),
      /contestId: is required/,
    ],
    ['a seed out of range', (a) => ({ ...a, seed: 2 ** 32 }), /seed: /],
    ['an unknown field', (a) => ({ ...a, extra: 1 }), /extra/],
    ['not an object', () => 'attempt', /invalid attempt/],
  ];
  it.each(broken)('refuses %s', (_, mutate, message) => {
    const data = mutate(JSON.parse(JSON.stringify(sampleAttempt())));
    expect(() => parseAttempt(data)).toThrow(InvalidInputError);
    expect(() => parseAttempt(data)).toThrow(message);
  });
});
