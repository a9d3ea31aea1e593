import { randomUUID } from 'node:crypto';

export type ActivityJson = Record<string, unknown>;

/** A message from a user in the emulator channel, replies inline (`expectReplies`). */
export function messageActivity(text: string | undefined, over: ActivityJson = {}): ActivityJson {
  return {
    type: 'message',
    id: randomUUID(),
    timestamp: new Date().toISOString(),
    channelId: 'emulator',
    conversation: { id: 'conv-test' },
    from: { id: 'user-1', name: 'Nguyễn Văn A' },
    recipient: { id: 'bot-1', name: 'Trợ lý CĐS' },
    deliveryMode: 'expectReplies',
    ...(text === undefined ? {} : { text }),
    ...over,
  };
}

export interface PostResult {
  status: number;
  headers: Headers;
  body: unknown;
  text: string;
}

/** POSTs raw bytes to `/api/messages`. */
export async function postRaw(
  baseUrl: string,
  body: string | Buffer,
  headers: Record<string, string> = { 'Content-Type': 'application/json' },
): Promise<PostResult> {
  const res = await fetch(`${baseUrl}/api/messages`, { method: 'POST', headers, body });
  const text = await res.text();
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }
  return { status: res.status, headers: res.headers, body: parsed, text };
}

/** POSTs an activity as JSON. */
export function postActivity(
  baseUrl: string,
  activity: ActivityJson,
  headers: Record<string, string> = {},
): Promise<PostResult> {
  return postRaw(baseUrl, JSON.stringify(activity), {
    'Content-Type': 'application/json',
    ...headers,
  });
}

export interface ReplyActivity {
  type: string;
  text?: string;
  attachments?: { contentType: string; content: { buttons?: { value: unknown }[] } }[];
  suggestedActions?: { actions: { value: unknown }[] };
  replyToId?: string;
}

/** Sends an `expectReplies` activity and returns the replies from the response body. */
export async function exchange(baseUrl: string, activity: ActivityJson): Promise<ReplyActivity[]> {
  const res = await postActivity(baseUrl, activity);
  if (res.status !== 200) throw new Error(`HTTP ${res.status}: ${res.text}`);
  return (res.body as { activities: ReplyActivity[] }).activities;
}

/** The texts of the message replies. */
export const textsOf = (replies: ReplyActivity[]): string[] =>
  replies.filter((r) => r.type === 'message').map((r) => r.text ?? '');
