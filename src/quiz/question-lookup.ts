import type { QuizBank, QuizBankQuestion } from './quiz-bank-loader';

const indexes = new WeakMap<QuizBank, ReadonlyMap<string, QuizBankQuestion>>();

/**
 * The question of `bank` with this id, or `undefined`. The id index is built once per bank
 * object and cached (weakly), so lookups in a turn are O(1).
 */
export function findQuestion(bank: QuizBank, questionId: string): QuizBankQuestion | undefined {
  let index = indexes.get(bank);
  if (!index) {
    index = new Map(bank.questions.map((q) => [q.id, q]));
    indexes.set(bank, index);
  }
  return index.get(questionId);
}
