import { z } from 'zod';

/** An id: lowercase ASCII words joined by `-`. */
export const slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lowercase ASCII words joined by -');

/** Text a user reads: trimmed, non-empty and already in Unicode NFC (Vietnamese diacritics). */
export const text = (min: number) =>
  z
    .string()
    .trim()
    .min(min)
    .refine((s) => s === s.normalize('NFC'), 'must be Unicode NFC');
