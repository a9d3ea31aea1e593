import Database from 'better-sqlite3';
import { EXAMPLE_QUESTIONS, texts } from '../../dialogs';
import { exchange, messageActivity, textsOf, type ReplyActivity } from '../helpers/activities';
import { startHarness, type Harness } from '../helpers/bot-harness';
import { FakeAnswerer } from '../helpers/fake-answerer';

const QUESTION = 'Chữ ký số có giá trị như chữ ký tay không?';

function feedbackButtons(reply: ReplyActivity): { type: string; answerId: string; vote: string }[] {
  const buttons = reply.attachments?.[0]?.content.buttons ?? [];
  return buttons.map((b) => b.value as { type: string; answerId: string; vote: string });
}

describe('conversations with the bot over HTTP', () => {
  let h: Harness;
  let answerer: FakeAnswerer;
  /** Reads the SQLite file through a separate connection, as an operator would. */
  const fromFile = <T>(sql: string, ...params: unknown[]): T[] => {
    const db = new Database(h.dbFile, { readonly: true });
    try {
      return db.prepare(sql).all(...params) as T[];
    } finally {
      db.close();
    }
  };

  beforeAll(async () => {
    answerer = new FakeAnswerer();
    h = await startHarness({ answerer });
  });
  afterAll(() => h.close());

  it('welcomes a user who joins, with example questions, but not the bot joining', async () => {
    const join = (members: { id: string }[]) =>
      exchange(
        h.url,
        messageActivity(undefined, { type: 'conversationUpdate', membersAdded: members }),
      );
    const replies = await join([{ id: 'bot-1' }, { id: 'user-1' }]);
    expect(textsOf(replies)).toEqual([texts.welcome]);
    expect(replies[0]!.suggestedActions?.actions.map((a) => a.value)).toEqual(EXAMPLE_QUESTIONS);
    expect(await join([{ id: 'bot-1' }])).toEqual([]);
  });

  it.each(['/help', 'help', 'Trợ giúp', 'tro giup', 'hướng dẫn', 'HUONG DAN.'])(
    'shows help for %s without asking the answerer',
    async (command) => {
      const calls = answerer.calls.length;
      const replies = await exchange(h.url, messageActivity(command));
      expect(textsOf(replies)).toEqual([texts.help(2000)]);
      expect(replies[0]!.suggestedActions?.actions).toHaveLength(EXAMPLE_QUESTIONS.length);
      expect(answerer.calls.length).toBe(calls);
    },
  );

  it('stores an answer and a vote, readable from the SQLite file; a second vote replaces it', async () => {
    const conversation = { id: 'conv-feedback' };
    const [answer] = await exchange(h.url, messageActivity(QUESTION, { conversation }));
    const [up, down] = feedbackButtons(answer!);
    expect(up).toMatchObject({ type: 'feedback', vote: 'up' });
    const answerId = up!.answerId;

    expect(
      fromFile(
        'SELECT conversation_id, user_id, channel_id, question, answered, citations FROM answers WHERE id = ?',
        answerId,
      ),
    ).toEqual([
      {
        conversation_id: 'conv-feedback',
        user_id: 'user-1',
        channel_id: 'emulator',
        question: QUESTION,
        answered: 1,
        citations: expect.stringContaining('"number":"20/2023/QH15"'),
      },
    ]);

    const vote = (value: unknown) =>
      exchange(h.url, messageActivity(undefined, { conversation, value }));
    expect(textsOf(await vote(up))).toEqual([texts.feedbackThanks.up]);
    expect(textsOf(await vote(down))).toEqual([texts.feedbackUpdated]);
    expect(
      fromFile('SELECT user_id, vote FROM answer_votes WHERE answer_id = ?', answerId),
    ).toEqual([{ user_id: 'user-1', vote: 'down' }]);
  });

  it.each([
    [
      'unknown answer id',
      { type: 'feedback', answerId: '00000000-0000-4000-8000-000000000000', vote: 'up' },
    ],
    ['wrong vote value', { type: 'feedback', answerId: 'ANSWER', vote: 'love' }],
    ['wrong types', { type: 'feedback', answerId: 42, vote: ['up'] }],
    ['not an object', 'feedback up'],
    ['missing fields', { type: 'feedback' }],
  ])('rejects forged feedback (%s) and stores nothing', async (_name, value) => {
    const [answer] = await exchange(
      h.url,
      messageActivity(QUESTION, { conversation: { id: 'conv-forged' } }),
    );
    const answerId = feedbackButtons(answer!)[0]!.answerId;
    const forged = JSON.parse(JSON.stringify(value).replace('ANSWER', answerId)) as unknown;
    const votesBefore = fromFile('SELECT * FROM answer_votes');
    const replies = await exchange(
      h.url,
      messageActivity(undefined, { conversation: { id: 'conv-forged' }, value: forged }),
    );
    expect(textsOf(replies)).toEqual([texts.feedbackInvalid]);
    expect(fromFile('SELECT * FROM answer_votes')).toEqual(votesBefore);
  });

  it("rejects a vote on another conversation's answer", async () => {
    const [answer] = await exchange(
      h.url,
      messageActivity(QUESTION, { conversation: { id: 'conv-a' } }),
    );
    const [up] = feedbackButtons(answer!);
    const replies = await exchange(
      h.url,
      messageActivity(undefined, { conversation: { id: 'conv-b' }, value: up }),
    );
    expect(textsOf(replies)).toEqual([texts.feedbackInvalid]);
    expect(fromFile('SELECT * FROM answer_votes WHERE answer_id = ?', up!.answerId)).toEqual([]);
  });

  it('understands a follow-up through the previous query kept in conversation state', async () => {
    const conversation = { id: 'conv-follow-up' };
    await exchange(h.url, messageActivity('Chữ ký số có giá trị pháp lý không?', { conversation }));
    const replies = await exchange(
      h.url,
      messageActivity('còn chữ ký số công cộng thì sao?', { conversation }),
    );
    expect(answerer.calls.at(-1)).toEqual({
      question: 'còn chữ ký số công cộng thì sao?',
      context: {
        previousQuery: 'Chữ ký số có giá trị pháp lý không?',
        previousQuestion: 'Chữ ký số có giá trị pháp lý không?',
        previousSources: [{ docId: 'luat-giao-dich-dien-tu-2023', section: 'Điều 23' }],
      },
    });
    expect(textsOf(replies)[0]).toContain('20/2023/QH15');

    // Another conversation has no previous query.
    await exchange(h.url, messageActivity('còn thì sao?', { conversation: { id: 'conv-other' } }));
    expect(answerer.calls.at(-1)?.context).toEqual({
      previousQuery: undefined,
      previousQuestion: undefined,
      previousSources: undefined,
    });
  });

  it('records a question it could not answer and offers topics', async () => {
    const replies = await exchange(h.url, messageActivity('Giá vàng hôm nay bao nhiêu?'));
    expect(textsOf(replies)[0]).toMatch(/^Tôi chưa tìm thấy câu trả lời/);
    expect(replies[0]!.suggestedActions?.actions.map((a) => a.value)).toEqual([
      'chữ ký số',
      'văn bản điện tử',
    ]);
    expect(
      fromFile<{ answered: number }>(
        'SELECT answered FROM answers WHERE question = ?',
        'Giá vàng hôm nay bao nhiêu?',
      ),
    ).toEqual([{ answered: 0 }]);
  });

  it('apologises in Vietnamese and clears conversation state when a turn fails', async () => {
    const conversation = { id: 'conv-error' };
    await exchange(h.url, messageActivity(QUESTION, { conversation }));
    const stateKey = 'emulator/conversations/conv-error/';
    expect(fromFile('SELECT key FROM bot_state WHERE key = ?', stateKey)).toHaveLength(1);

    answerer.failWith = new Error('index exploded');
    try {
      const replies = await exchange(h.url, messageActivity(QUESTION, { conversation }));
      expect(textsOf(replies)).toEqual([texts.turnError]);
    } finally {
      answerer.failWith = undefined;
    }
    expect(fromFile('SELECT key FROM bot_state WHERE key = ?', stateKey)).toEqual([]);
    expect(
      h.logs.lines.some((l) => l.msg === 'turn failed' && l.conversationId === 'conv-error'),
    ).toBe(true);
    expect(
      textsOf(await exchange(h.url, messageActivity(QUESTION, { conversation })))[0],
    ).toContain('20/2023/QH15');
  });
});
