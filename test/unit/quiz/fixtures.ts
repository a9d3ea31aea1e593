import type { QuizBank, QuizBankQuestion, QuizBankTopic } from '../../../src/quiz';

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
