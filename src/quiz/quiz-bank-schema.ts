import { z } from 'zod';
import { slug, text } from './schema-parts';

/** Sentences of an explanation: split after `.`, `!` or `?` followed by a capital letter. */
export function countSentences(s: string): number {
  const trimmed = s.trim();
  if (!trimmed) return 0;
  return trimmed.split(/(?<=[.!?…])\s+(?=["“(]?\p{Lu})/u).length;
}

/** Where the answer to a question is stated: a document id and a section label in it. */
export const quizSourceSchema = z
  .object({
    docId: slug,
    section: text(1),
  })
  .strict();

/** One multiple-choice question; `answer` is the 0-based index of the correct option. */
export const quizQuestionSchema = z
  .object({
    id: slug,
    difficulty: z.number().int().min(1).max(3),
    question: text(10),
    options: z.array(text(1)).min(2).max(6),
    answer: z.number().int().min(0),
    explanation: text(10),
    source: quizSourceSchema,
  })
  .strict()
  .superRefine((q, ctx) => {
    if (q.answer >= q.options.length) {
      ctx.addIssue({
        code: 'custom',
        path: ['answer'],
        message: `answer ${q.answer} is out of range (${q.options.length} options, index from 0)`,
      });
    }
    const seen = new Map<string, number>();
    q.options.forEach((option, i) => {
      const key = option.toLocaleLowerCase('vi');
      const first = seen.get(key);
      if (first !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['options', i],
          message: `duplicate option (same as option ${first})`,
        });
      } else seen.set(key, i);
    });
    const sentences = countSentences(q.explanation);
    if (sentences > 2) {
      ctx.addIssue({
        code: 'custom',
        path: ['explanation'],
        message: `must be one or two sentences (found ${sentences})`,
      });
    }
  });

/** One quiz file (`knowledge/quiz/<topic id>.yaml`): a topic and its questions. */
export const quizFileSchema = z
  .object({
    topic: z.object({ id: slug, name: text(2) }).strict(),
    questions: z.array(quizQuestionSchema).min(1),
  })
  .strict();

export type QuizSource = z.infer<typeof quizSourceSchema>;
export type QuizQuestion = z.infer<typeof quizQuestionSchema>;
export type QuizFile = z.infer<typeof quizFileSchema>;
