import type { Activity } from 'botbuilder';
import { z } from 'zod';

const id = z.string().trim().min(1).max(1024);
const account = z.looseObject({ id, name: z.string().nullish() });

/**
 * The fields of an inbound activity the server and bot rely on; other fields pass through. A
 * `serviceUrl` (http or https) is required unless replies are returned inline (`expectReplies`).
 */
const activitySchema = z
  .looseObject({
    type: z.string().trim().min(1).max(64),
    id: z.string().max(1024).nullish(),
    channelId: z.string().trim().min(1).max(128),
    conversation: z.looseObject({ id }),
    from: account,
    recipient: account.nullish(),
    serviceUrl: z.string().max(2048).nullish(),
    deliveryMode: z.string().max(64).nullish(),
    text: z.string().nullish(),
    attachments: z.array(z.looseObject({ contentType: z.string().max(256) })).nullish(),
    entities: z.array(z.looseObject({ type: z.string().max(128) })).nullish(),
    membersAdded: z.array(account).nullish(),
    membersRemoved: z.array(account).nullish(),
    name: z.string().max(256).nullish(),
  })
  .superRefine((a, ctx) => {
    if (a.deliveryMode === 'expectReplies') return;
    if (!a.serviceUrl) {
      ctx.addIssue({
        code: 'custom',
        path: ['serviceUrl'],
        message: 'required unless deliveryMode is expectReplies',
      });
    } else if (!/^https?:\/\/[^\s/]+/i.test(a.serviceUrl) || !URL.canParse(a.serviceUrl)) {
      ctx.addIssue({ code: 'custom', path: ['serviceUrl'], message: 'must be an http(s) URL' });
    }
  });

export type ActivityParseResult = { ok: true; activity: Activity } | { ok: false; message: string };

const DATE_FIELDS = [
  ['timestamp', 'rawTimestamp'],
  ['localTimestamp', 'rawLocalTimestamp'],
  ['expiration', 'rawExpiration'],
] as const;

/**
 * Validates an inbound activity body. On success returns it with date fields turned into `Date`s
 * (as botbuilder's own request validation does); on failure, a message naming every bad field.
 */
export function parseActivity(body: unknown): ActivityParseResult {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { ok: false, message: 'Request body must be a JSON object (an activity)' };
  }
  const parsed = activitySchema.safeParse(body);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`);
    return { ok: false, message: `Invalid activity: ${fields.join('; ')}` };
  }
  const activity = parsed.data as Record<string, unknown>;
  for (const [field, raw] of DATE_FIELDS) {
    const value = activity[field];
    if (typeof value === 'string') {
      activity[raw] = value;
      activity[field] = new Date(value);
    }
  }
  return { ok: true, activity: activity as unknown as Activity };
}
