import { z } from 'zod';

/**
 * What quiz card buttons send back in `activity.value`. Anyone can post any value, so the bot
 * validates it with {@link quizPayloadSchema} before use; ids and indexes are then checked again by
 * the quiz service against the stored attempt (another attempt, another question, another person).
 */
const id = z.string().trim().min(1).max(200);

export const quizAnswerPayloadSchema = z
  .object({
    type: z.literal('quiz-answer'),
    attemptId: id,
    index: z.number().int().min(0).max(10_000),
    choice: z.number().int().min(0).max(25),
  })
  .strict();

/**
 * The tiebreak card: `prediction` comes from an `Input.Number`, which some clients send as text
 * and leave out when the box is empty.
 */
export const quizTiebreakPayloadSchema = z
  .object({
    type: z.literal('quiz-tiebreak'),
    attemptId: id,
    prediction: z.union([z.number(), z.string().max(40)]).optional(),
  })
  .strict();

/** "Dự thi" in the contest list: show the confirmation card of this contest. */
export const contestOpenPayloadSchema = z
  .object({ type: z.literal('contest-open'), contestId: id })
  .strict();

/** "Bắt đầu" on the confirmation card. */
export const contestStartPayloadSchema = z
  .object({ type: z.literal('contest-start'), contestId: id })
  .strict();

/** "Để sau" on the confirmation card. */
export const contestLaterPayloadSchema = z
  .object({ type: z.literal('contest-later'), contestId: id })
  .strict();

export const quizPayloadSchema = z.discriminatedUnion('type', [
  quizAnswerPayloadSchema,
  quizTiebreakPayloadSchema,
  contestOpenPayloadSchema,
  contestStartPayloadSchema,
  contestLaterPayloadSchema,
]);

export type QuizAnswerPayload = z.infer<typeof quizAnswerPayloadSchema>;
export type QuizTiebreakPayload = z.infer<typeof quizTiebreakPayloadSchema>;
export type ContestOpenPayload = z.infer<typeof contestOpenPayloadSchema>;
export type ContestStartPayload = z.infer<typeof contestStartPayloadSchema>;
export type ContestLaterPayload = z.infer<typeof contestLaterPayloadSchema>;
export type QuizPayload = z.infer<typeof quizPayloadSchema>;

const ANSWER_KEYS: ReadonlySet<string> = new Set(['type', 'attemptId', 'index', 'choice']);

/**
 * An answer button's value, checked without zod (the common case, on every answer): exactly what
 * `quizAnswerPayloadSchema` accepts and returns, or `undefined` when the value is anything else,
 * including every value the schema would refuse (check those with {@link quizPayloadSchema}).
 */
export function plainAnswerPayload(value: unknown): QuizAnswerPayload | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const keys = Object.keys(value);
  if (keys.length !== ANSWER_KEYS.size || !keys.every((k) => ANSWER_KEYS.has(k))) return undefined;
  const { type, attemptId, index, choice } = value as Record<string, unknown>;
  if (type !== 'quiz-answer' || typeof attemptId !== 'string') return undefined;
  const trimmed = attemptId.trim();
  if (trimmed.length < 1 || trimmed.length > 200) return undefined;
  if (!Number.isSafeInteger(index) || (index as number) < 0 || (index as number) > 10_000) {
    return undefined;
  }
  if (!Number.isSafeInteger(choice) || (choice as number) < 0 || (choice as number) > 25) {
    return undefined;
  }
  return { type, attemptId: trimmed, index: index as number, choice: choice as number };
}

/**
 * Whether a card value is meant for the quizzes (a `type` starting with `quiz-` or `contest-`),
 * valid or not: such values are answered by the quiz flow (a forged one politely refused), every
 * other value by the rest of the bot.
 */
export function isQuizValue(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const type = (value as { type?: unknown }).type;
  return typeof type === 'string' && /^(?:quiz|contest)-/.test(type);
}
