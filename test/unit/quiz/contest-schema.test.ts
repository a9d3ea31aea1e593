import { contestFileSchema, contestFromFile } from '../../../src/quiz';

const file = (tiebreak: unknown) => ({
  id: 'thu',
  title: 'Cuộc thi thử',
  opensAt: '2026-11-01T00:00:00+07:00',
  closesAt: '2026-12-31T23:59:59+07:00',
  questionsPerTopic: { a: 2 },
  timeLimitMinutes: 10,
  passMark: 50,
  review: 'after-close',
  tiebreak,
});

describe('contest tiebreak answer', () => {
  it('is optional, and carried into the Contest when the organisers fill it in', () => {
    const without = contestFileSchema.parse(file({ question: 'Dự đoán số người tham gia?' }));
    expect(contestFromFile(without, 'contests/thu.yaml:1').tiebreak).toEqual({
      question: 'Dự đoán số người tham gia?',
    });
    const withAnswer = contestFileSchema.parse(
      file({ question: 'Dự đoán số người tham gia?', unit: 'người', answer: 12345 }),
    );
    expect(contestFromFile(withAnswer, 'contests/thu.yaml:1').tiebreak).toEqual({
      question: 'Dự đoán số người tham gia?',
      unit: 'người',
      answer: 12345,
    });
  });

  it.each([-1, 1.5, '100', null])('refuses %p as an answer', (answer) => {
    const parsed = contestFileSchema.safeParse(file({ question: 'Dự đoán số người?', answer }));
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(['tiebreak', 'answer']);
  });
});
