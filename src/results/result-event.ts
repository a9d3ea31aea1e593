import { z } from 'zod';

/** The version of the result event this code writes; consumers accept only the versions they know. */
export const RESULT_EVENT_SCHEMA_VERSION = 1;

const isoInstant = z.iso.datetime({ offset: false, precision: 3 });
const count = z.number().int().nonnegative();

const topicScoreSchema = z.object({ correct: count, total: count }).strict();

const answerSchema = z
  .object({
    questionId: z.string().min(1),
    /** The bank's option index that was chosen (not the displayed letter); null = unanswered. */
    chosen: count.nullable(),
    correct: z.boolean(),
    /** Time spent on the question: since the previous answer (or the start); null = unanswered. */
    ms: count.nullable(),
  })
  .strict();

/**
 * A finished attempt as a competency result, version 1: what the reporting store keeps. Written
 * into the outbox with the attempt's submission, carried by the queue, validated by the consumer.
 * Instants are ISO 8601 UTC with milliseconds (`2026-03-01T02:03:04.005Z`).
 *
 * Changing a field's meaning or adding one is a new `schemaVersion`; a consumer dead-letters a
 * version it does not know instead of guessing.
 */
export const resultEventSchema = z
  .object({
    schemaVersion: z.literal(RESULT_EVENT_SCHEMA_VERSION),
    attemptId: z.string().min(1).max(200),
    /** null for a practice. */
    contestId: z.string().min(1).nullable(),
    mode: z.enum(['practice', 'contest']),
    userId: z.string().min(1),
    /** The person's unit when the attempt was submitted; null when not in the directory. */
    unitCode: z.string().min(1).nullable(),
    startedAt: isoInstant,
    submittedAt: isoInstant,
    durationMs: count,
    /** 0..100, as shown to the person. */
    score: z.number().int().min(0).max(100),
    correct: count,
    total: count,
    /** Whether the score reached the pass mark; null when there is none (practice). */
    passed: z.boolean().nullable(),
    byTopic: z.record(z.string().min(1), topicScoreSchema),
    answers: z.array(answerSchema),
    /** The contest's tiebreak prediction, when one was given. */
    tiebreak: z.number().int().nonnegative().optional(),
  })
  .strict()
  .superRefine((e, ctx) => {
    const issue = (path: PropertyKey[], message: string) =>
      ctx.addIssue({ code: 'custom', path, message });
    if ((e.mode === 'contest') !== (e.contestId !== null)) {
      issue(['contestId'], 'is set for contests and null for practice');
    }
    if (e.correct > e.total) issue(['correct'], 'must not exceed total');
    if (e.answers.length !== e.total) issue(['answers'], `must have ${e.total} entries (total)`);
    const topics = Object.values(e.byTopic);
    const sum = (pick: (t: { correct: number; total: number }) => number) =>
      topics.reduce((s, t) => s + pick(t), 0);
    if (sum((t) => t.total) !== e.total || sum((t) => t.correct) !== e.correct) {
      issue(['byTopic'], 'must add up to correct and total');
    }
    if (Date.parse(e.submittedAt) - Date.parse(e.startedAt) !== e.durationMs) {
      issue(['durationMs'], 'must equal submittedAt − startedAt');
    }
  });

/** A competency result event (see {@link resultEventSchema}). */
export type ResultEvent = z.infer<typeof resultEventSchema>;

export type ResultEventCheck =
  | { readonly ok: true; readonly event: ResultEvent }
  | { readonly ok: false; readonly reason: string };

/**
 * Validates anything received as a result event. Never throws: a bad event gets `ok: false` and a
 * reason listing every problem as `path: message` (what the dead-letter table records).
 */
export function checkResultEvent(data: unknown): ResultEventCheck {
  const parsed = resultEventSchema.safeParse(data);
  if (parsed.success) return { ok: true, event: parsed.data };
  const problems = parsed.error.issues.map(
    (i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`,
  );
  return { ok: false, reason: `invalid result event: ${problems.join('; ')}` };
}
