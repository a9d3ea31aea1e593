import { MemoryStorage, TestAdapter, type Activity, type Attachment } from 'botbuilder';
import type { SourceDescription } from '../../../dialogs';
import {
  AssistantBot,
  createTurnErrorHandler,
  SnapshotConversationState,
  type ActivityDedupPort,
} from '../../../src/bot';
import type { DirectoryRepository } from '../../../src/directory';
import type { ActivityDedup } from '../../../src/quiz';
import { createLogger } from '../../../src/logger';
import type { AnswerRecord, FeedbackStore, NewAnswer } from '../../../src/storage';
import { FakeAnswerer } from '../../helpers/fake-answerer';
import { FakeQuizService } from '../../helpers/fake-quiz-service';

/** Records answers; votes are not what these tests are about. */
export class StubFeedbackStore implements FeedbackStore {
  readonly answers: AnswerRecord[] = [];
  async recordAnswer(a: NewAnswer): Promise<AnswerRecord> {
    const record = { ...a, id: `answer-${this.answers.length + 1}`, createdAt: new Date(0) };
    this.answers.push(record);
    return record;
  }
  async recordVote(): Promise<'recorded'> {
    return 'recorded';
  }
  async getAnswer() {
    return undefined;
  }
  async listUnanswered() {
    return [];
  }
}

/** The dedup port on what the fake service recorded; records every question asked. */
export class FakeDedup implements ActivityDedupPort {
  readonly calls: [string, string][] = [];
  constructor(private readonly activities: Pick<ActivityDedup, 'isHandled'>) {}
  async isHandled(channelId: string, activityId: string): Promise<boolean> {
    this.calls.push([channelId, activityId]);
    return this.activities.isHandled(channelId, activityId);
  }
}

export const SOURCES: Record<string, SourceDescription> = {
  'luat-giao-dich-dien-tu-2023': {
    number: '20/2023/QH15',
    title: 'Luật Giao dịch điện tử',
    url: 'https://example.gov.vn/luat-20-2023',
  },
};

export interface QuizBotOptions {
  channelId?: string;
  /** The user every activity comes from (a TestAdapter template overrides `from`). */
  from?: { id: string; name: string; aadObjectId?: string };
  service?: FakeQuizService;
  /** Shared storage simulates a restart that keeps conversation state; a new one loses it. */
  storage?: MemoryStorage;
  dedup?: FakeDedup;
  withTopics?: boolean;
}

let bots = 0;

/** The real AssistantBot with a fake quiz service, on a TestAdapter. */
export function quizBot(options: QuizBotOptions = {}) {
  const answerer = new FakeAnswerer();
  const service = options.service ?? new FakeQuizService();
  const dedup = options.dedup ?? new FakeDedup(service.activities);
  const logger = createLogger('silent');
  const conversationState = new SnapshotConversationState(options.storage ?? new MemoryStorage());
  const directory: Pick<DirectoryRepository, 'getPerson'> = {
    getPerson: async (userId) =>
      userId === 'user-1'
        ? {
            userId,
            fullName: 'Nguyễn Văn A',
            email: 'a@example.gov.vn',
            unitCode: 'CT',
            role: 'official',
          }
        : undefined,
  };
  const bot = new AssistantBot({
    answerer,
    feedbackStore: new StubFeedbackStore(),
    conversationState,
    metrics: { recordAnswer: () => undefined },
    logger,
    maxMessageChars: 500,
    quizService: service,
    activityDedup: dedup,
    directory,
    ...(options.withTopics === false ? {} : { quizTopics: service.bank.topics }),
    describeSource: (docId) => SOURCES[docId],
  });
  const adapter = new TestAdapter(async (context) => bot.run(context), {
    channelId: options.channelId ?? 'test',
    from: options.from ?? { id: 'user-1', name: 'Nguyễn Văn A' },
  });
  adapter.onTurnError = createTurnErrorHandler({ logger, conversationState });

  const instance = ++bots;
  let sent = 0;

  /** Sends one activity and returns every reply of its turn. */
  async function say(says: string | Partial<Activity>): Promise<Partial<Activity>[]> {
    const activity = typeof says === 'string' ? { type: 'message', text: says } : { ...says };
    // Ids unique across bots, as a channel's are (two bots may share one fake service).
    const id = `${instance}-${++sent}`;
    await adapter.processActivity({ type: 'message', id, ...activity } as Partial<Activity>);
    const replies: Partial<Activity>[] = [];
    for (let r = adapter.getNextReply(); r; r = adapter.getNextReply()) replies.push(r);
    return replies;
  }

  return { bot, adapter, service, answerer, dedup, say, conversationState };
}

/** What the bot should reply: one entry per reply, exact text or a pattern of it. */
export type Expect = (string | RegExp)[];
export type Says = string | Partial<Activity> | (() => string | Partial<Activity>);

/** Runs a transcript: each row is what the user sends and what the bot replies. */
export async function transcript(
  say: (s: string | Partial<Activity>) => Promise<Partial<Activity>[]>,
  rows: [Says, Expect][],
): Promise<void> {
  for (const [says, expected] of rows) {
    const input = typeof says === 'function' ? says() : says;
    const replies = await say(input);
    const texts = replies.map((r) => r.text ?? '');
    const label = JSON.stringify(typeof input === 'string' ? input : (input.value ?? input.text));
    expect({ says: label, count: texts.length }).toEqual({ says: label, count: expected.length });
    expected.forEach((e, i) => {
      if (typeof e === 'string') expect(texts[i]).toBe(e);
      else expect(texts[i]).toMatch(e);
    });
  }
}

/** The `data` of an Adaptive Card's actions, or the `value` of a hero card's buttons. */
export function buttonValues(reply: Partial<Activity> | undefined): unknown[] {
  const card = reply?.attachments?.[0] as Attachment | undefined;
  const content = card?.content as
    { actions?: { data: unknown }[]; buttons?: { value: unknown }[] } | undefined;
  return content?.actions?.map((a) => a.data) ?? content?.buttons?.map((b) => b.value) ?? [];
}

/** A card button press as the channel delivers it. */
export const press = (value: unknown): Partial<Activity> => ({ type: 'message', value });

/** Escapes a literal for a RegExp. */
export const lit = (s: string): RegExp => new RegExp(s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'));
