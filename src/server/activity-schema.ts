import type { Activity } from 'botbuilder';
import { z } from 'zod';

const SERVICE_URL = /^https?:\/\/[^\s/]+/i;

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
    } else if (!SERVICE_URL.test(a.serviceUrl) || !URL.canParse(a.serviceUrl)) {
      ctx.addIssue({ code: 'custom', path: ['serviceUrl'], message: 'must be an http(s) URL' });
    }
  });

type Fields = Record<string, unknown>;

const isObject = (v: unknown): v is Fields =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** A string the schema's `trim().min(1).max(max)` accepts unchanged (nothing to trim). */
const isTrimmedId = (v: unknown, max: number): boolean =>
  typeof v === 'string' && v.length > 0 && v.length <= max && v.trim() === v;

const isOptionalString = (v: unknown, max = Infinity): boolean =>
  v === undefined || v === null || (typeof v === 'string' && v.length <= max);

const isAccount = (v: unknown): boolean =>
  isObject(v) && isTrimmedId(v.id, 1024) && isOptionalString(v.name);

function isOptionalArrayOf(v: unknown, item: (x: unknown) => boolean): boolean {
  if (v === undefined || v === null) return true;
  if (!Array.isArray(v)) return false;
  for (const x of v) if (!item(x)) return false;
  return true;
}

const hasStringField = (field: string, max: number) => (v: unknown) =>
  isObject(v) && typeof v[field] === 'string' && (v[field] as string).length <= max;
const isAttachment = hasStringField('contentType', 256);
const isEntity = hasStringField('type', 128);

/**
 * True when `a` certainly passes {@link activitySchema} and the schema would return it unchanged
 * (no field to trim): the common case, checked without zod's per-field machinery (a tenth of an
 * echo turn's CPU). Anything else, valid or not, goes through the schema, which alone words the
 * error messages.
 */
function isPlainValidActivity(a: Fields): boolean {
  if (
    !isTrimmedId(a.type, 64) ||
    !isTrimmedId(a.channelId, 128) ||
    !isOptionalString(a.id, 1024) ||
    !isObject(a.conversation) ||
    !isTrimmedId(a.conversation.id, 1024) ||
    !isAccount(a.from) ||
    !(a.recipient === undefined || a.recipient === null || isAccount(a.recipient)) ||
    !isOptionalString(a.serviceUrl, 2048) ||
    !isOptionalString(a.deliveryMode, 64) ||
    !isOptionalString(a.text) ||
    !isOptionalString(a.name, 256) ||
    !isOptionalArrayOf(a.attachments, isAttachment) ||
    !isOptionalArrayOf(a.entities, isEntity) ||
    !isOptionalArrayOf(a.membersAdded, isAccount) ||
    !isOptionalArrayOf(a.membersRemoved, isAccount)
  ) {
    return false;
  }
  if (a.deliveryMode === 'expectReplies') return true;
  return (
    typeof a.serviceUrl === 'string' &&
    a.serviceUrl !== '' &&
    SERVICE_URL.test(a.serviceUrl) &&
    URL.canParse(a.serviceUrl)
  );
}

export type ActivityParseResult = { ok: true; activity: Activity } | { ok: false; message: string };

const DATE_FIELDS = [
  ['timestamp', 'rawTimestamp'],
  ['localTimestamp', 'rawLocalTimestamp'],
  ['expiration', 'rawExpiration'],
] as const;

/**
 * Validates an inbound activity body. On success returns it with date fields turned into `Date`s
 * (as botbuilder's own request validation does); on failure, a message naming every bad field.
 * The returned activity may be `body` itself, updated in place.
 */
export function parseActivity(body: unknown): ActivityParseResult {
  return parse(body, true);
}

/** {@link parseActivity} through the schema alone, without the fast path: the reference for tests. */
export function parseActivityWithSchema(body: unknown): ActivityParseResult {
  return parse(body, false);
}

function parse(body: unknown, fastPath: boolean): ActivityParseResult {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { ok: false, message: 'Request body must be a JSON object (an activity)' };
  }
  let activity: Fields;
  if (fastPath && isPlainValidActivity(body as Fields)) {
    activity = body as Fields;
  } else {
    const parsed = activitySchema.safeParse(body);
    if (!parsed.success) {
      const fields = parsed.error.issues.map(
        (i) => `${i.path.join('.') || '(body)'}: ${i.message}`,
      );
      return { ok: false, message: `Invalid activity: ${fields.join('; ')}` };
    }
    activity = parsed.data as Fields;
  }
  for (const [field, raw] of DATE_FIELDS) {
    const value = activity[field];
    if (typeof value === 'string') {
      activity[raw] = value;
      activity[field] = new Date(value);
    }
  }
  return { ok: true, activity: activity as unknown as Activity };
}
