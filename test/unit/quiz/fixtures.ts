import type { Contest, QuizBank, QuizBankQuestion, QuizBankTopic } from '../../../src/quiz';

/**
 * A synthetic quiz bank: `sizes` maps topic id → number of questions. Question `<topic>-<n>` has
 * `optionCounts` options (cycled; 4 by default) and its correct answer at `n % options`.
 */
export function makeBank(
  sizes: Record<string, number>,
  optionCounts: readonly number[] = [4],
): QuizBank {
  let k = 0;
  const topics: QuizBankTopic[] = Object.entries(sizes).map(([id, size]) => ({
    id,
    name: `Chủ đề ${id}`,
    questions: Array.from({ length: size }, (_, n): QuizBankQuestion => {
      const options = optionCounts[k++ % optionCounts.length]!;
      return {
        id: `${id}-${n}`,
        topicId: id,
        difficulty: 1,
        question: `Câu hỏi ${n} của chủ đề ${id}?`,
        options: Array.from({ length: options }, (_, i) => `Phương án ${i}`),
        answer: n % options,
        explanation: `Giải thích câu ${n}.`,
        source: { docId: 'tai-lieu', section: `Điều ${n}` },
        location: `quiz/${id}.yaml:${n + 1}`,
      };
    }),
  }));
  return { topics, questions: topics.flatMap((t) => t.questions) };
}

export const T0 = Date.parse('2026-11-01T08:00:00+07:00');
export const MINUTE = 60_000;

/** A contest open from `T0` for 30 days, 3 questions of "a" and 2 of "b", 10 minutes. */
export function makeContest(overrides: Partial<Contest> = {}): Contest {
  return {
    id: 'thu',
    title: 'Cuộc thi thử',
    opensAt: T0,
    closesAt: T0 + 30 * 24 * 60 * MINUTE,
    questionsPerTopic: { a: 3, b: 2 },
    questionCount: 5,
    timeLimitMinutes: 10,
    passMark: 50,
    maxAttempts: 1,
    audience: { units: [], roles: [] },
    review: 'after-close',
    location: 'contests/thu.yaml:1',
    ...overrides,
  };
}
