import { z } from 'zod';
import { slug, text } from './schema-parts';

/** An instant written with its UTC offset, e.g. `2026-11-01T00:00:00+07:00` (or `...Z`). */
const isoInstant = z.iso.datetime({
  offset: true,
  message: 'must be an ISO date-time with seconds and a UTC offset, e.g. 2026-11-01T00:00:00+07:00',
});

/** Roles of the directory; a contest audience may restrict to some of them. */
export const personRoleSchema = z.enum(['official', 'manager', 'admin']);

/** Who may sit a contest. An empty list means "no restriction" on that dimension. */
export const contestAudienceSchema = z
  .object({
    /** Unit codes; a unit includes every unit below it in the directory tree. */
    units: z.array(z.string().trim().min(1)).default([]),
    roles: z.array(personRoleSchema).default([]),
  })
  .strict()
  .superRefine((a, ctx) => {
    for (const key of ['units', 'roles'] as const) {
      const seen = new Set<string>();
      a[key].forEach((value, i) => {
        if (seen.has(value)) {
          ctx.addIssue({ code: 'custom', path: [key, i], message: `duplicate "${value}"` });
        }
        seen.add(value);
      });
    }
  });

/** A numeric prediction question that breaks ties between equal scores. */
export const contestTiebreakSchema = z
  .object({
    question: text(5),
    /** What the number counts, shown after the input (e.g. `người`). */
    unit: text(1).optional(),
    /**
     * The true value, filled in by the organisers once it is known (after the contest closes);
     * rankings use the distance to it only when it is present.
     */
    answer: z.number().int().nonnegative().optional(),
  })
  .strict();

/**
 * One contest file (`knowledge/contests/<id>.yaml`) as written. The loader checks what the
 * schema cannot: the id matches the file name, and every topic exists in the quiz bank with
 * enough questions.
 */
export const contestFileSchema = z
  .object({
    id: slug,
    title: text(5),
    opensAt: isoInstant,
    closesAt: isoInstant,
    /** Topic id → number of questions drawn from that topic. */
    questionsPerTopic: z
      .record(slug, z.number().int().min(1).max(200))
      .refine((r) => Object.keys(r).length > 0, 'must name at least one topic'),
    timeLimitMinutes: z
      .number()
      .int()
      .min(1)
      .max(24 * 60),
    /** Minimum score (of 100) to pass. */
    passMark: z.number().min(0).max(100),
    maxAttempts: z.number().int().min(1).max(100).default(1),
    audience: contestAudienceSchema.default({ units: [], roles: [] }),
    review: z.enum(['after-submit', 'after-close', 'never']),
    tiebreak: contestTiebreakSchema.optional(),
  })
  .strict()
  .superRefine((c, ctx) => {
    if (Date.parse(c.closesAt) <= Date.parse(c.opensAt)) {
      ctx.addIssue({ code: 'custom', path: ['closesAt'], message: 'must be after opensAt' });
    }
  });

export type PersonRole = z.infer<typeof personRoleSchema>;
export type ContestAudience = z.infer<typeof contestAudienceSchema>;
export type ContestTiebreak = z.infer<typeof contestTiebreakSchema>;
export type ContestFile = z.infer<typeof contestFileSchema>;
export type ContestReviewPolicy = ContestFile['review'];
