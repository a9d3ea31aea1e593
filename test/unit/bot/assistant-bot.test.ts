import { ConversationState, MemoryStorage, TestAdapter, type Activity } from 'botbuilder';
import { texts } from '../../../dialogs';
import { AssistantBot, createTurnErrorHandler, type AnswerOutcome } from '../../../src/bot';
import { NotFoundError } from '../../../src/errors';
import { createLogger } from '../../../src/logger';
import type { AnswerRecord, FeedbackStore, NewAnswer, VoteInput } from '../../../src/storage';
import { FakeAnswerer } from '../../helpers/fake-answerer';

/** An in-memory FeedbackStore fake that keeps the port's contract. */
class FakeFeedbackStore implements FeedbackStore {
  readonly answers: AnswerRecord[] = [];
  readonly votes = new Map<string, VoteInput>();
  async recordAnswer(a: NewAnswer): Promise<AnswerRecord> {
    const record = { ...a, id: `answer-${this.answers.length + 1}`, createdAt: new Date(0) };
    this.answers.push(record);
    return record;
  }
  async recordVote(v: VoteInput): Promise<'recorded' | 'replaced'> {
    const answer = this.answers.find((a) => a.id === v.answerId);
    if (!answer || answer.conversationId !== v.conversationId) throw new NotFoundError('no');
    const key = `${v.answerId}/${v.userId}`;
    const had = this.votes.has(key);
    this.votes.set(key, v);
    return had ? 'replaced' : 'recorded';
  }
  async getAnswer(id: string) {
    return this.answers.find((a) => a.id === id);
  }
  async listUnanswered() {
    return [];
  }
}

function setup(maxMessageChars = 200) {
  const answerer = new FakeAnswerer();
  const feedback = new FakeFeedbackStore();
  const outcomes: AnswerOutcome[] = [];
  const logger = createLogger('silent');
  const conversationState = new ConversationState(new MemoryStorage());
  const bot = new AssistantBot({
    answerer,
    feedbackStore: feedback,
    conversationState,
    metrics: { recordAnswer: (o) => outcomes.push(o) },
    logger,
    maxMessageChars,
  });
  const adapter = new TestAdapter(async (context) => bot.run(context));
  adapter.onTurnError = createTurnErrorHandler({ logger, conversationState });
  return { answerer, feedback, outcomes, adapter };
}

type Says = string | Partial<Activity>;
/** What the bot should reply: exact text, or a predicate on the text. */
type Expect = string | RegExp;

/** Runs a transcript: each row is what the user sends and what the bot replies. */
async function transcript(adapter: TestAdapter, rows: [Says, Expect][]): Promise<void> {
  let flow = adapter as unknown as ReturnType<TestAdapter['send']>;
  for (const [says, replies] of rows) {
    flow = flow.send(says).assertReply((activity) => {
      if (typeof replies === 'string') expect(activity.text).toBe(replies);
      else expect(activity.text).toMatch(replies);
    });
  }
  await flow;
}

describe('AssistantBot transcripts', () => {
  it('routes text by kind', async () => {
    const { adapter, answerer, outcomes } = setup(200);
    await transcript(adapter, [
      ['trợ giúp', texts.help(200)],
      ['   ', texts.emptyQuestion],
      ['x'.repeat(201), texts.tooLong(200, 201)],
      ['🙂🙂🙂', texts.unreadable],
      ['Chữ ký số có giá trị không?', /\[1\] 20\/2023\/QH15 — Luật Giao dịch điện tử, Điều 23/],
      ['còn chữ ký số công cộng thì sao?', /20\/2023\/QH15/],
      ['Thời tiết hôm nay?', /^Tôi chưa tìm thấy câu trả lời/],
      [{ type: 'message', attachments: [{ contentType: 'image/png' }] }, texts.attachmentsOnly],
    ]);
    expect(answerer.calls.map((c) => c.question)).toEqual([
      'Chữ ký số có giá trị không?',
      'còn chữ ký số công cộng thì sao?',
      'Thời tiết hôm nay?',
    ]);
    expect(answerer.calls[1]?.context?.previousQuery).toBe('Chữ ký số có giá trị không?');
    expect(answerer.calls[2]?.context?.previousQuery).toBe(
      'Chữ ký số có giá trị không? còn chữ ký số công cộng thì sao?',
    );
    expect(outcomes).toEqual(['answered', 'answered', 'not_found']);
  });

  it('greets and thanks back without searching', async () => {
    const { adapter, answerer } = setup(200);
    await transcript(adapter, [
      ['Xin chào!', texts.welcome],
      ['cam on nhieu a', texts.thanks],
    ]);
    expect(answerer.calls).toEqual([]);
  });

  it('takes votes from card buttons and refuses forged ones', async () => {
    const { adapter, feedback } = setup();
    await transcript(adapter, [
      ['Chữ ký số là gì?', /20\/2023\/QH15/],
      [
        { type: 'message', value: { type: 'feedback', answerId: 'answer-1', vote: 'up' } },
        texts.feedbackThanks.up,
      ],
      [
        { type: 'message', value: { type: 'feedback', answerId: 'answer-1', vote: 'down' } },
        texts.feedbackUpdated,
      ],
      [
        { type: 'message', value: { type: 'feedback', answerId: 'answer-9', vote: 'up' } },
        texts.feedbackInvalid,
      ],
      [
        { type: 'message', value: { type: 'feedback', answerId: 'answer-1', vote: 'meh' } },
        texts.feedbackInvalid,
      ],
      [
        {
          type: 'message',
          value: { type: 'feedback', answerId: 'answer-1', vote: 'up' },
          text: 'x',
        },
        texts.feedbackUpdated,
      ],
    ]);
    expect([...feedback.votes.values()].map((v) => v.vote)).toEqual(['up']);
  });

  it('strips an @mention of the bot before reading the question', async () => {
    const { adapter, answerer } = setup();
    await transcript(adapter, [
      [
        {
          type: 'message',
          text: '<at>Trợ lý CĐS</at> Chữ ký số là gì?',
          entities: [
            { type: 'mention', text: '<at>Trợ lý CĐS</at>', mentioned: { id: 'bot', name: 'x' } },
          ],
        },
        /20\/2023\/QH15/,
      ],
    ]);
    expect(answerer.calls[0]?.question).toBe('Chữ ký số là gì?');
  });

  it('apologises when the answerer fails, and answers again afterwards', async () => {
    const { adapter, answerer } = setup();
    answerer.failWith = new Error('boom');
    await transcript(adapter, [['Chữ ký số là gì?', texts.turnError]]);
    answerer.failWith = undefined;
    await transcript(adapter, [['Chữ ký số là gì?', /20\/2023\/QH15/]]);
  });

  it('ignores typing, events and reactions without replying', async () => {
    const { adapter } = setup();
    await adapter
      .send({ type: 'typing' })
      .send({ type: 'event', name: 'x' })
      .send({ type: 'messageReaction', reactionsAdded: [{ type: 'like' }] })
      .send('trợ giúp')
      .assertReply((a) => expect(a.text).toBe(texts.help(200)));
  });
});
