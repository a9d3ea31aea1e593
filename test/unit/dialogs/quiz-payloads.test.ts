import {
  plainAnswerPayload,
  quizAnswerPayloadSchema,
  quizPayloadSchema,
} from '../../../dialogs/quiz-payloads';

const valid = { type: 'quiz-answer', attemptId: 'attempt-1', index: 3, choice: 2 };

const values: unknown[] = [
  valid,
  { ...valid, attemptId: '  attempt-1 ' },
  { ...valid, index: 0, choice: 0 },
  { ...valid, index: 10_000, choice: 25 },
  { ...valid, attemptId: 'x'.repeat(200) },
  { ...valid, attemptId: 'x'.repeat(201) },
  { ...valid, attemptId: '' },
  { ...valid, attemptId: '   ' },
  { ...valid, attemptId: 7 },
  { ...valid, index: -1 },
  { ...valid, index: 10_001 },
  { ...valid, index: 1.5 },
  { ...valid, index: '1' },
  { ...valid, index: Number.NaN },
  { ...valid, index: Number.POSITIVE_INFINITY },
  { ...valid, choice: 26 },
  { ...valid, choice: -0.5 },
  { ...valid, type: 'quiz-tiebreak' },
  { ...valid, correct: true },
  { type: 'quiz-answer', attemptId: 'attempt-1', index: 3 },
  { type: 'quiz-answer', attemptId: 'attempt-1', index: 3, choice: 2, extra: undefined },
  { type: 'contest-start', contestId: 'thi-thu' },
  [valid],
  null,
  'quiz-answer',
  42,
];

describe('plainAnswerPayload (the answer button checked without zod)', () => {
  it.each(values.map((v) => [JSON.stringify(v) ?? String(v), v]))(
    'accepts %s only as the schema does, with the same result',
    (_label, value) => {
      const fast = plainAnswerPayload(value);
      const schema = quizAnswerPayloadSchema.safeParse(value);
      if (fast) expect(schema).toEqual({ success: true, data: fast });
      else if (schema.success) throw new Error('refused a value the schema accepts');
    },
  );

  it('takes the fast path for the buttons the cards send', () => {
    expect(plainAnswerPayload(valid)).toEqual(valid);
    expect(plainAnswerPayload({ ...valid, attemptId: ' a ' })).toEqual({
      ...valid,
      attemptId: 'a',
    });
    expect(quizPayloadSchema.safeParse(valid)).toEqual({ success: true, data: valid });
  });
});
