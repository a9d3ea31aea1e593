import { z } from 'zod';
import { InvalidInputError } from '../errors';
import type { Attempt } from './attempt';

const instant = z.number().int().nonnegative();
const index = z.number().int().nonnegative();

const plannedQuestionSchema = z
  .object({
    questionId: z.string().min(1),
    topic: z.string().min(1),
    optionOrder: z.array(index).min(2),
  })
  .strict()
  .refine(
    (p) => [...p.optionOrder].sort((a, b) => a - b).every((v, i) => v === i),
    'optionOrder must be a permutation of 0..n-1',
  );

const answerRecordSchema = z
  .object({ choice: index, originalChoice: index, correct: z.boolean(), at: instant })
  .strict();

/**
 * The shape of a stored `Attempt`, with its invariants (one answer slot per planned question,
 * answers consistent with the option order, submitted ⇔ `submittedAt` and `submitReason`, contest
 * ⇔ `contestId`). For stores that read attempts back from JSON: see `parseAttempt`.
 */
export const attemptSchema: z.ZodType<Attempt> = z
  .object({
    id: z.string().min(1),
    userId: z.string().min(1),
    mode: z.enum(['practice', 'contest']),
    contestId: z.string().min(1).optional(),
    seed: z.number().int().min(0).max(0xffff_ffff),
    plan: z.array(plannedQuestionSchema).min(1),
    answers: z.array(answerRecordSchema.nullable()),
    startedAt: instant,
    deadline: instant.optional(),
    status: z.enum(['in-progress', 'submitted']),
    submittedAt: instant.optional(),
    submitReason: z.enum(['user', 'complete', 'deadline', 'cancelled']).optional(),
    tiebreakAnswer: z.number().int().nonnegative().optional(),
    version: z.number().int().nonnegative(),
  })
  .strict()
  .superRefine((a, ctx) => {
    const issue = (path: PropertyKey[], message: string) =>
      ctx.addIssue({ code: 'custom', path, message });
    if (a.answers.length !== a.plan.length) {
      issue(['answers'], `must have one entry per planned question (${a.plan.length})`);
    }
    a.answers.forEach((answer, i) => {
      if (answer && a.plan[i]?.optionOrder[answer.choice] !== answer.originalChoice) {
        issue(['answers', i], 'choice and originalChoice disagree with the option order');
      }
    });
    if ((a.mode === 'contest') !== (a.contestId !== undefined)) {
      issue(['contestId'], 'is required for contests and only for them');
    }
    const submitted = a.status === 'submitted';
    if (submitted !== (a.submittedAt !== undefined && a.submitReason !== undefined)) {
      issue(['status'], 'submittedAt and submitReason are set exactly when submitted');
    }
  });

/**
 * Validates a stored attempt (e.g. `JSON.parse` of a row). Throws `InvalidInputError` listing
 * every problem as `path: message`.
 */
export function parseAttempt(data: unknown): Attempt {
  const parsed = attemptSchema.safeParse(data);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map(
    (i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`,
  );
  throw new InvalidInputError(`invalid attempt: ${problems.join('; ')}`);
}
