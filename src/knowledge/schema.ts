import { z } from 'zod';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD');

/** Front matter of a knowledge document (`knowledge/docs/*.md`). */
export const documentMetaSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lowercase ASCII words joined by -'),
    title: z.string().trim().min(3),
    number: z.string().trim(),
    issuer: z.string().trim().min(2),
    issued: isoDate.optional(),
    effective: isoDate.optional(),
    status: z.enum(['in-force', 'amended', 'replaced']),
    /** One id, or several when each replaces a part ("[nd-68-2024, nd-23-2025]"). */
    replacedBy: z
      .union([z.string().min(1), z.array(z.string().min(1)).min(1)])
      .transform((v) => (typeof v === 'string' ? [v] : v))
      .refine((ids) => new Set(ids).size === ids.length, 'lists a document twice')
      .optional(),
    source: z.url().optional(),
    topics: z.array(z.string().regex(/^[a-z0-9-]+$/)).min(1),
  })
  .strict()
  .superRefine((meta, ctx) => {
    if (meta.status === 'replaced' && !meta.replacedBy) {
      ctx.addIssue({ code: 'custom', path: ['replacedBy'], message: 'required when status is replaced' });
    }
    if (meta.status !== 'replaced' && meta.replacedBy) {
      ctx.addIssue({ code: 'custom', path: ['replacedBy'], message: 'only allowed when status is replaced' });
    }
  });

export type DocumentMeta = z.infer<typeof documentMetaSchema>;

/** `knowledge/glossary.yaml`. */
export const glossarySchema = z
  .object({
    abbreviations: z.array(z.object({ abbr: z.string().min(1), full: z.string().min(2) }).strict()),
    synonyms: z.array(z.array(z.string().min(1)).min(2)).default([]),
  })
  .strict();

/** `knowledge/topics.yaml`: topic id → Vietnamese name shown to users. */
export const topicsSchema = z.record(z.string().regex(/^[a-z0-9-]+$/), z.string().min(2));
