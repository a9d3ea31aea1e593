import { z } from 'zod';
import { REPORT_CODE } from './report-commands';

/**
 * What the buttons under a unit summary send back in `activity.value`: which report to open next
 * and for which unit and contest. Only a hint: anyone can post any value, so the bot takes nothing
 * else from it (any `userId`, `role` or other claim is dropped) and the report service checks the
 * asker's access from the directory again on every request.
 */
const code = z.string().regex(REPORT_CODE);

export const reportPayloadSchema = z.object({
  type: z.enum(['report-summary', 'report-not-taken', 'report-export']),
  unitCode: code.optional(),
  contestId: code.optional(),
});

export type ReportPayload = z.infer<typeof reportPayloadSchema>;

/** Whether a card value is meant for the reports (`type` `report-…`), well-formed or not. */
export function isReportValue(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const type = (value as { type?: unknown }).type;
  return typeof type === 'string' && type.startsWith('report-');
}
