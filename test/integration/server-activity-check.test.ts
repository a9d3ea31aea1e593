import { exchange, messageActivity, postActivity, textsOf } from '../helpers/activities';
import { startHarness, type Harness } from '../helpers/bot-harness';

const QUESTION = 'Chữ ký số có giá trị như chữ ký tay không?';

/**
 * A plain activity is checked without the schema (the fast path); one with ids to trim goes
 * through it. Over real HTTP both must end the same way: answered, stored under the trimmed ids.
 */
describe('inbound activity check over HTTP', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  const storedIds = () =>
    h.db
      .prepare('SELECT conversation_id AS c, user_id AS u FROM answers ORDER BY rowid DESC LIMIT 1')
      .get() as { c: string; u: string };

  it('a plain activity is answered and recorded as sent', async () => {
    const replies = await exchange(
      h.url,
      messageActivity(QUESTION, { conversation: { id: 'conv-plain' } }),
    );
    expect(textsOf(replies)[0]).toContain('20/2023/QH15');
    expect(storedIds()).toEqual({ c: 'conv-plain', u: 'user-1' });
  });

  it('ids with surrounding spaces are trimmed, as before, and the question answered', async () => {
    const replies = await exchange(
      h.url,
      messageActivity(QUESTION, {
        conversation: { id: ' conv-spaced ' },
        from: { id: ' user-2 ' },
      }),
    );
    expect(textsOf(replies)[0]).toContain('20/2023/QH15');
    expect(storedIds()).toEqual({ c: 'conv-spaced', u: 'user-2' });
  });

  it('a serviceUrl that is not http(s) is refused on either path', async () => {
    for (const over of [
      { deliveryMode: 'normal', serviceUrl: 'ftp://example.com' },
      { deliveryMode: 'normal', serviceUrl: 'ftp://example.com', channelId: ' emulator ' },
    ]) {
      const res = await postActivity(h.url, messageActivity(QUESTION, over));
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ error: 'invalid_activity' });
      expect((res.body as { message: string }).message).toContain('serviceUrl');
    }
  });
});
