import { randomUUID } from 'node:crypto';
import { exchange, messageActivity, postActivity, textsOf } from '../helpers/activities';
import { startHarness, type Harness } from '../helpers/bot-harness';
import { startChannelConnector } from '../helpers/channel-connector';

const QUESTION = 'Chữ ký số có giá trị như chữ ký tay không?';

describe('bot server over HTTP', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ ready: false });
  });
  afterAll(() => h.close());

  it('returns the replies inline for deliveryMode expectReplies', async () => {
    const res = await postActivity(h.url, messageActivity(QUESTION));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    const { activities } = res.body as { activities: { type: string; text: string }[] };
    expect(activities).toHaveLength(1);
    expect(activities[0]!.text).toContain('[1] 20/2023/QH15 — Luật Giao dịch điện tử, Điều 23');
  });

  it('posts replies to the serviceUrl in normal mode', async () => {
    const connector = await startChannelConnector();
    try {
      const id = randomUUID();
      const res = await postActivity(
        h.url,
        messageActivity(QUESTION, {
          id,
          deliveryMode: undefined,
          serviceUrl: connector.url,
          conversation: { id: 'conv-normal' },
        }),
      );
      expect(res.status).toBe(200);
      expect(res.text).toBe('');
      const posts = await connector.waitForPosts(1);
      expect(posts).toHaveLength(1);
      expect(posts[0]!.path).toBe(`/v3/conversations/conv-normal/activities/${id}`);
      expect(posts[0]!.body).toMatchObject({
        type: 'message',
        replyToId: id,
        conversation: { id: 'conv-normal' },
        recipient: { id: 'user-1' },
      });
      expect(String(posts[0]!.body.text)).toContain('20/2023/QH15');
    } finally {
      await connector.close();
    }
  });

  it('answers /healthz while /readyz follows the readiness function', async () => {
    const health = await fetch(`${h.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });

    h.setReady(false);
    const notReady = await fetch(`${h.url}/readyz`);
    expect(notReady.status).toBe(503);
    expect(await notReady.json()).toEqual({ status: 'not_ready' });

    h.setReady(true);
    const ready = await fetch(`${h.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
  });

  it('exposes Prometheus metrics whose turn and answer counts move', async () => {
    const scrape = async () => {
      const res = await fetch(`${h.url}/metrics`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/text\/plain/);
      return res.text();
    };
    const value = (text: string, series: string) => {
      const line = text.split('\n').find((l) => l.startsWith(`${series} `));
      return line ? Number(line.split(' ')[1]) : 0;
    };
    const before = await scrape();
    expect(before).toContain('process_resident_memory_bytes');
    expect(before).toContain('# TYPE bot_turn_duration_seconds histogram');

    await exchange(h.url, messageActivity(QUESTION));
    await exchange(h.url, messageActivity('Giá vàng hôm nay bao nhiêu?'));
    await exchange(h.url, messageActivity(undefined, { type: 'typing' }));
    await exchange(h.url, messageActivity(undefined, { type: 'madeUpType' }));

    const after = await scrape();
    const turns = 'bot_turns_total{activity_type="message"}';
    expect(value(after, turns) - value(before, turns)).toBe(2);
    expect(value(after, 'bot_turns_total{activity_type="typing"}')).toBeGreaterThanOrEqual(1);
    expect(value(after, 'bot_turns_total{activity_type="other"}')).toBeGreaterThanOrEqual(1);
    expect(after).not.toContain('madeUpType');
    const answered = 'bot_answers_total{outcome="answered"}';
    const notFound = 'bot_answers_total{outcome="not_found"}';
    expect(value(after, answered) - value(before, answered)).toBe(1);
    expect(value(after, notFound) - value(before, notFound)).toBe(1);
    expect(value(after, 'bot_turn_duration_seconds_count')).toBeGreaterThan(
      value(before, 'bot_turn_duration_seconds_count'),
    );
  });

  it('gives every response a request id, echoing a sane incoming one', async () => {
    const own = await fetch(`${h.url}/healthz`, { headers: { 'x-request-id': 'abc-123' } });
    expect(own.headers.get('x-request-id')).toBe('abc-123');
    const forged = await fetch(`${h.url}/healthz`, {
      headers: { 'x-request-id': 'x'.repeat(500) },
    });
    expect(forged.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers unknown routes and wrong methods with the JSON error shape', async () => {
    const missing = await fetch(`${h.url}/nope`);
    expect(missing.status).toBe(404);
    const body = (await missing.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ error: 'not_found' });
    expect(body.requestId).toBe(missing.headers.get('x-request-id'));

    const wrongMethod = await fetch(`${h.url}/api/messages`);
    expect(wrongMethod.status).toBe(405);
    expect(await wrongMethod.json()).toMatchObject({ error: 'method_not_allowed' });
  });

  it('logs ids on every turn line and message text only at debug level', async () => {
    const text = 'Chữ ký số dùng để làm gì?';
    await exchange(h.url, messageActivity(text, { conversation: { id: 'conv-log' } }));
    const lines = h.logs.lines.filter((l) => l.conversationId === 'conv-log');
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line.activityId).toBeDefined();
    const withText = lines.filter((l) => JSON.stringify(l).includes(text));
    expect(withText.length).toBeGreaterThan(0);
    for (const line of withText) expect(line.level).toBe(20);
    expect(textsOf(await exchange(h.url, messageActivity(QUESTION)))[0]).toContain('[1]');
  });
});
