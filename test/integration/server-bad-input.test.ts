import http from 'node:http';
import { texts } from '../../dialogs';
import {
  exchange,
  messageActivity,
  postActivity,
  postRaw,
  textsOf,
  type ActivityJson,
} from '../helpers/activities';
import { startHarness, type Harness } from '../helpers/bot-harness';
import { FakeAnswerer } from '../helpers/fake-answerer';

const QUESTION = 'Chữ ký số có giá trị như chữ ký tay không?';

/**
 * Each case sends one kind of bad input over real HTTP, checks the reply, then checks that nothing
 * was stored, the answerer was not asked, and the server still answers a normal question.
 */
describe('bad input over HTTP', () => {
  let h: Harness;
  let answerer: FakeAnswerer;
  let before: { answers: number; votes: number; calls: number };

  const counts = () => ({
    answers: (h.db.prepare('SELECT COUNT(*) AS n FROM answers').get() as { n: number }).n,
    votes: (h.db.prepare('SELECT COUNT(*) AS n FROM answer_votes').get() as { n: number }).n,
    calls: answerer.calls.length,
  });

  beforeAll(async () => {
    answerer = new FakeAnswerer();
    h = await startHarness({ answerer, maxMessageChars: 2000 });
  });
  afterAll(() => h.close());

  beforeEach(() => {
    before = counts();
  });

  afterEach(async () => {
    expect(counts()).toEqual(before);
    const replies = await exchange(h.url, messageActivity(QUESTION));
    expect(textsOf(replies)[0]).toContain('20/2023/QH15');
  });

  const onlyReply = async (activity: ActivityJson): Promise<string> => {
    const replies = textsOf(await exchange(h.url, activity));
    expect(replies).toHaveLength(1);
    return replies[0]!;
  };

  it('empty text: asks the user to type a question', async () => {
    expect(await onlyReply(messageActivity(''))).toBe(texts.emptyQuestion);
  });

  it('whitespace-only text: asks the user to type a question', async () => {
    expect(await onlyReply(messageActivity(' \n\t\u00a0  '))).toBe(texts.emptyQuestion);
  });

  it('100 KB of text: says the maximum length and asks nothing', async () => {
    const text = 'Chữ ký số là gì? '.repeat(5000).slice(0, 100 * 1024 - 1000);
    expect(Buffer.byteLength(JSON.stringify(messageActivity(text)))).toBeLessThan(256 * 1024);
    const reply = await onlyReply(messageActivity(text));
    expect(reply).toContain('tối đa 2.000 ký tự');
    expect(reply).toBe(texts.tooLong(2000, [...text.trim()].length));
  });

  it('control characters and binary junk: says it could not read the message', async () => {
    const junk = '\u0000\u0001\u0002\u001b[31m\ufffd\ufffd\u007f\u0008';
    expect(await onlyReply(messageActivity(junk))).toBe(texts.unreadable);
    const binary = Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 7) % 32)).toString(
      'latin1',
    );
    expect(await onlyReply(messageActivity(binary))).toBe(texts.unreadable);
  });

  it('a stray control character inside a real question is cleaned, not fatal', async () => {
    const replies = textsOf(await exchange(h.url, messageActivity('Chữ ký\u0000 số\u200b là gì?')));
    expect(replies[0]).toContain('20/2023/QH15');
    expect(answerer.calls.at(-1)?.question).toBe('Chữ ký số là gì?');
    before = counts();
  });

  it('emoji only: says it could not read the message', async () => {
    expect(await onlyReply(messageActivity('😀👍🎉 🇻🇳 ❤️‍🔥'))).toBe(texts.unreadable);
  });

  it('attachment without text: says only text questions are supported', async () => {
    const activity = messageActivity(undefined, {
      attachments: [{ contentType: 'image/png', contentUrl: 'https://example.com/a.png' }],
    });
    expect(await onlyReply(activity)).toBe(texts.attachmentsOnly);
  });

  it.each([
    ['typing', {}],
    ['event', { name: 'webchat/join', value: { language: 'vi-VN' } }],
    ['installationUpdate', { action: 'add' }],
    ['messageReaction', { reactionsAdded: [{ type: 'like' }] }],
    ['endOfConversation', {}],
    ['conversationUpdate', { membersRemoved: [{ id: 'user-1' }] }],
    ['madeUpType', { text: 'Chữ ký số là gì?' }],
  ])('non-message activity type %s: ignored, no reply', async (type, extra) => {
    const replies = await exchange(h.url, messageActivity(undefined, { type, ...extra }));
    expect(replies).toEqual([]);
  });

  it('unknown invoke: 200 InvokeResponse, no message', async () => {
    const inline = await exchange(
      h.url,
      messageActivity(undefined, { type: 'invoke', name: 'some/unknownInvoke', value: {} }),
    );
    expect(textsOf(inline)).toEqual([]);
    const res = await postActivity(
      h.url,
      messageActivity(undefined, {
        type: 'invoke',
        name: 'some/unknownInvoke',
        deliveryMode: undefined,
        serviceUrl: 'http://127.0.0.1:9',
      }),
    );
    expect(res.status).toBe(200);
  });

  it('malformed JSON: 400 with a JSON error', async () => {
    const res = await postRaw(h.url, '{"type": "message", "text": "Chữ ký số');
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      error: 'malformed_json',
      message: expect.any(String),
      requestId: res.headers.get('x-request-id'),
    });
  });

  it.each([['[1,2,3]'], ['null'], ['"a string"'], ['42']])(
    'JSON that is not an object (%s): 400',
    async (body) => {
      const res = await postRaw(h.url, body);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ error: 'invalid_activity' });
    },
  );

  it.each([
    ['text/plain', { 'Content-Type': 'text/plain' }],
    ['form', { 'Content-Type': 'application/x-www-form-urlencoded' }],
    ['json in latin1', { 'Content-Type': 'application/json; charset=iso-8859-1' }],
    ['no content type', {}],
  ])('wrong content type (%s): 415', async (_name, headers) => {
    const body = JSON.stringify(messageActivity(QUESTION));
    const res = await postRaw(h.url, Buffer.from(body), headers as Record<string, string>);
    expect(res.status).toBe(415);
    expect(res.body).toMatchObject({
      error: 'unsupported_media_type',
      requestId: expect.any(String),
    });
  });

  it('body over 256 KB: 413', async () => {
    const res = await postActivity(h.url, messageActivity('a'.repeat(300 * 1024)));
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({ error: 'payload_too_large' });
  });

  it('chunked body growing past 256 KB without Content-Length: 413', async () => {
    const { status, body } = await new Promise<{ status: number; body: string }>(
      (resolve, reject) => {
        const req = http.request(`${h.url}/api/messages`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' },
        });
        req.on('response', (res) => {
          let data = '';
          res.on('data', (c: Buffer) => (data += c.toString('utf8')));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: data }));
        });
        req.on('error', reject);
        req.write('{"type":"message","text":"');
        for (let i = 0; i < 40; i++) req.write('a'.repeat(10 * 1024));
        req.end('"}');
      },
    );
    expect(status).toBe(413);
    expect(JSON.parse(body)).toMatchObject({ error: 'payload_too_large' });
  });

  it('client hanging up mid-body: the request ends, the server carries on', async () => {
    const socketClosed = new Promise<void>((resolve) => {
      const req = http.request(`${h.url}/api/messages`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Content-Length': '5000' },
      });
      req.on('error', () => resolve());
      req.on('close', () => resolve());
      req.write('{"type":"message","text":"Chữ ký');
      setTimeout(() => req.destroy(), 50);
    });
    await socketClosed;
    await new Promise((r) => setTimeout(r, 50));
    expect(h.logs.lines.some((l) => l.error === 'aborted')).toBe(true);
  });

  it.each([
    ['type', (a: ActivityJson) => delete a.type],
    ['conversation.id', (a: ActivityJson) => (a.conversation = {})],
    ['conversation', (a: ActivityJson) => delete a.conversation],
    ['from', (a: ActivityJson) => delete a.from],
    ['channelId', (a: ActivityJson) => delete a.channelId],
    ['serviceUrl', (a: ActivityJson) => delete a.deliveryMode],
    [
      'serviceUrl',
      (a: ActivityJson) =>
        Object.assign(a, { deliveryMode: 'normal', serviceUrl: 'file:///etc/passwd' }),
    ],
    ['text', (a: ActivityJson) => (a.text = 12345)],
  ])('missing or wrong activity field %s: 400 naming it', async (field, mutate) => {
    const activity = messageActivity(QUESTION);
    mutate(activity);
    const res = await postActivity(h.url, activity);
    expect(res.status).toBe(400);
    const body = res.body as { error: string; message: string; requestId: string };
    expect(body.error).toBe('invalid_activity');
    expect(body.message).toContain(field);
    expect(body.requestId).toBe(res.headers.get('x-request-id'));
  });
});
