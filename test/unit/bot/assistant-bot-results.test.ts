import { ConversationState, MemoryStorage, TestAdapter, type Activity } from 'botbuilder';
import { resultsTexts } from '../../../dialogs';
import { AssistantBot, createTurnErrorHandler } from '../../../src/bot';
import { createLogger } from '../../../src/logger';
import type { ResultStore, ResultSummary } from '../../../src/results';
import { FakeAnswerer } from '../../helpers/fake-answerer';
import { FakeQuizService } from '../../helpers/fake-quiz-service';
import { StubFeedbackStore } from './quiz-bot-setup';

const RESULT: ResultSummary = {
  attemptId: 'a1',
  contestId: 'thi-2026',
  mode: 'contest',
  submittedAt: '2026-11-02T01:20:00.000Z',
  score: 85,
  correct: 17,
  total: 20,
  passed: true,
};

/** The real bot with quizzes and `/ketqua` on a fake result store. */
function resultsBot(listForUser: ResultStore['listForUser']) {
  const calls: [string, { limit?: number } | undefined][] = [];
  const quiz = new FakeQuizService();
  const conversationState = new ConversationState(new MemoryStorage());
  const logger = createLogger('silent');
  const bot = new AssistantBot({
    answerer: new FakeAnswerer(),
    feedbackStore: new StubFeedbackStore(),
    conversationState,
    metrics: { recordAnswer: () => undefined },
    logger,
    maxMessageChars: 500,
    quizService: quiz,
    myResults: {
      store: {
        listForUser: (userId, options) => {
          calls.push([userId, options]);
          return listForUser(userId, options);
        },
      },
      contestTitle: (id) => (id === 'thi-2026' ? 'Hội thi năng lực số 2026' : undefined),
    },
  });
  const adapter = new TestAdapter(async (context) => bot.run(context), {
    channelId: 'msteams',
    from: { id: '29:teams-id', name: 'Nguyễn Văn A', aadObjectId: 'aad-user-1' },
  });
  adapter.onTurnError = createTurnErrorHandler({ logger, conversationState });
  async function say(text: string): Promise<string[]> {
    await adapter.processActivity({ type: 'message', text } as Partial<Activity>);
    const replies: string[] = [];
    for (let r = adapter.getNextReply(); r; r = adapter.getNextReply()) replies.push(r.text ?? '');
    return replies;
  }
  return { say, calls, quiz };
}

describe('/ketqua', () => {
  it('lists the person’s own results (directory key: the Teams AAD id), newest first', async () => {
    const { say, calls, quiz } = resultsBot(async () => [RESULT]);
    const [reply, ...more] = await say('/ketqua');
    expect(more).toEqual([]);
    expect(reply).toContain('**Kết quả của anh/chị** (mới nhất trước):');
    expect(reply).toContain(
      '1. **Hội thi năng lực số 2026** — 08:20 ngày 02/11/2026 — **85**/100 (17/20 câu đúng) — ✅ Đạt',
    );
    expect(calls).toEqual([['aad-user-1', { limit: 10 }]]);
    // Not a quiz command: the quiz service is not asked anything.
    expect(quiz.calls.filter((c) => c.method !== 'resume')).toEqual([]);
  });

  it.each(['/kết quả', 'xem ket qua'])('understands %j too', async (text) => {
    const { say } = resultsBot(async () => []);
    const [reply] = await say(text);
    expect(reply).toContain('chưa có kết quả nào');
  });

  it('says results are unavailable when the result store fails, and keeps working', async () => {
    const { say } = resultsBot(() => Promise.reject(new Error('database is locked')));
    expect(await say('/ketqua')).toEqual([resultsTexts.unavailable]);
    expect((await say('/ketqua')).length).toBe(1);
  });
});
