import {
  ActivityHandler,
  type TurnContext,
  type Activity,
  type ConversationState,
  type InvokeResponse,
  type StatePropertyAccessor,
} from 'botbuilder';
import type { DialogState } from 'botbuilder-dialogs';
import {
  answerReply,
  feedbackPayloadSchema,
  helpReply,
  isQuizValue,
  isReportValue,
  isResultsCommand,
  myResultsReply,
  quizUser,
  resultsTexts,
  textReply,
  texts,
  welcomeReply,
  type DescribeSource,
  type QuizTopicInfo,
} from '../../dialogs';
import type { DirectoryRepository } from '../directory';
import { InvalidInputError, NotFoundError } from '../errors';
import { contextAfter } from '../knowledge/ask-context';
import type { AskContext, QuestionAnswerer } from '../knowledge/types';
import type { Logger } from '../logger';
import type { QuizService } from '../quiz';
import type { ResultStore } from '../results';
import type { FeedbackStore } from '../storage';
import { QuizRouter, type ActivityDedupPort } from './quiz-router';
import { ReportRouter, type ReportRouterOptions } from './report-router';
import { classifyText, courtesyOf } from './text-input';
import { turnLogger } from './turn-logger';

/** Outcome of one question, as counted by the answers metric. */
export type AnswerOutcome = 'answered' | 'not_found';

/** What the bot reports to metrics; the server's Prometheus metrics implement it. */
export interface AnswerMetrics {
  recordAnswer(outcome: AnswerOutcome): void;
}

/** Dependencies of {@link AssistantBot}. */
export interface AssistantBotOptions {
  answerer: QuestionAnswerer;
  feedbackStore: FeedbackStore;
  conversationState: ConversationState;
  metrics: AnswerMetrics;
  logger: Logger;
  /** Longest question accepted, in characters (code points). */
  maxMessageChars: number;
  /** Practice and contests; without it the bot only answers questions (and quiz text is Q&A). */
  quizService?: QuizService;
  /** Drops a channel's second delivery of a quiz activity (card button, answer, command). */
  activityDedup?: ActivityDedupPort;
  /** Who is who: the candidate's name on a contest result. */
  directory?: Pick<DirectoryRepository, 'getPerson'>;
  /** The quiz bank's topics: `/luyentap <chủ đề>` by id or name; topic names in results. */
  quizTopics?: readonly QuizTopicInfo[];
  /** The document a quiz question cites (number, title, link), for feedback and reviews. */
  describeSource?: DescribeSource;
  /** `/ketqua`: the person's own competency results, and the contests' titles. */
  myResults?: {
    store: Pick<ResultStore, 'listForUser'>;
    contestTitle(contestId: string): string | undefined;
  };
  /** Managers' unit reports (`/baocao`, `/chuathi`, `/xuatexcel`, `/xephang`); see `ReportRouter`. */
  reports?: Omit<ReportRouterOptions, 'logger'>;
}

/** Most results `/ketqua` lists. */
const MY_RESULTS_LIMIT = 10;

/** Per-conversation memory, kept in conversation state. */
interface AskState {
  /** The query of the last answered question, so a short follow-up can be understood. */
  lastQuery?: string;
  /** That question as typed (see `AskContext.previousQuestion`). */
  lastQuestion?: string;
  /** The sections its answer cited (see `AskContext.previousSources`). */
  lastSources?: { docId: string; section: string }[];
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The Q&A assistant. Routes each activity:
 * - members added (other than the bot): welcome with example questions;
 * - a help command: help text;
 * - a quiz value in `value` (card button, `type` `quiz-…`/`contest-…`): to the quiz dialogs;
 * - a feedback payload in `value` (card button): validated, stored, thanked;
 * - a report button in `value` (`type` `report-…`): to the reports (see `ReportRouter`);
 * - text: checked (empty, too long, unreadable); `/ketqua` lists the person's own results; report
 *   commands (`/baocao`…) go to the reports; then
 *   quiz commands, answers and messages during
 *   a running attempt go to the quiz dialogs (see `QuizRouter`); anything else is asked, recorded
 *   and answered with citations and 👍/👎 buttons; attachments without text get a "text only"
 *   message;
 * - anything else (typing, events, reactions, unknown invokes): ignored; invokes get a 200.
 * Bad input gets a Vietnamese message and changes nothing.
 */
export class AssistantBot extends ActivityHandler {
  private readonly askState: StatePropertyAccessor<AskState>;
  private readonly quiz: QuizRouter | undefined;
  private readonly reports: ReportRouter | undefined;

  constructor(private readonly options: AssistantBotOptions) {
    super();
    this.askState = options.conversationState.createProperty<AskState>('ask');
    this.quiz = options.quizService
      ? new QuizRouter({
          service: options.quizService,
          dialogState: options.conversationState.createProperty<DialogState>('dialogState'),
          activityDedup: options.activityDedup,
          directory: options.directory,
          topics: options.quizTopics,
          describeSource: options.describeSource,
          answerQuestion: (context, text) =>
            this.answer(context, text, turnLogger(context, options.logger)),
          logger: options.logger,
        })
      : undefined;
    this.reports = options.reports
      ? new ReportRouter({ ...options.reports, logger: options.logger })
      : undefined;
    this.onMembersAdded(async (context, next) => {
      await this.welcome(context);
      await next();
    });
    this.onMessage(async (context, next) => {
      await this.handleMessage(context);
      await next();
    });
  }

  /** Runs the turn, then saves conversation state once (not on failure: see onTurnError). */
  override async run(context: TurnContext): Promise<void> {
    await super.run(context);
    await this.options.conversationState.saveChanges(context, false);
  }

  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    turnLogger(context, this.options.logger).debug(
      { invokeName: context.activity.name },
      'invoke ignored',
    );
    return { status: 200 };
  }

  private async welcome(context: TurnContext): Promise<void> {
    const botId = context.activity.recipient?.id;
    const joined = (context.activity.membersAdded ?? []).filter((m) => m.id !== botId);
    if (joined.length > 0) await context.sendActivity(welcomeReply(this.quiz !== undefined));
  }

  private async handleMessage(context: TurnContext): Promise<void> {
    const activity = context.activity;
    const log = turnLogger(context, this.options.logger);
    const rawText = messageText(activity);
    const hasText = rawText.trim().length > 0;

    if (activity.value !== undefined && activity.value !== null) {
      if (this.quiz && isQuizValue(activity.value)) return this.quiz.handleValue(context);
      if (this.reports && isReportValue(activity.value)) return this.reports.handleValue(context);
      const looksLikeFeedback = isRecord(activity.value) && activity.value.type === 'feedback';
      if (looksLikeFeedback || !hasText) return this.handleFeedback(context, log);
    }
    if (!hasText && (activity.attachments?.length ?? 0) > 0) {
      log.info({ attachments: activity.attachments?.length }, 'attachments without text');
      await context.sendActivity(textReply(texts.attachmentsOnly));
      return;
    }

    const input = classifyText(rawText, this.options.maxMessageChars);
    switch (input.kind) {
      case 'empty':
        await context.sendActivity(textReply(texts.emptyQuestion));
        return;
      case 'too-long':
        log.info({ chars: input.chars }, 'question too long');
        await context.sendActivity(
          textReply(texts.tooLong(this.options.maxMessageChars, input.chars)),
        );
        return;
      case 'unreadable':
        log.info('unreadable message');
        await context.sendActivity(textReply(texts.unreadable));
        return;
      case 'help':
        await context.sendActivity(
          helpReply(
            this.options.maxMessageChars,
            this.quiz !== undefined,
            this.reports !== undefined,
          ),
        );
        return;
      case 'question':
        if (this.options.myResults && isResultsCommand(input.text)) {
          return this.showMyResults(context, this.options.myResults, log);
        }
        if (this.reports && (await this.reports.handleText(context, input.text))) return;
        if (this.quiz && (await this.quiz.handleText(context, input.text))) return;
        await this.answer(context, input.text, log);
    }
  }

  /** `/ketqua`: lists the person's results (a running attempt is left as it is). */
  private async showMyResults(
    context: TurnContext,
    myResults: NonNullable<AssistantBotOptions['myResults']>,
    log: Logger,
  ): Promise<void> {
    const { userId } = quizUser(context);
    let results;
    try {
      results = await myResults.store.listForUser(userId, { limit: MY_RESULTS_LIMIT });
    } catch (err) {
      // The result store is another database: the chat goes on without it.
      log.error({ err }, 'results unavailable');
      await context.sendActivity(textReply(resultsTexts.unavailable));
      return;
    }
    log.info({ results: results.length }, 'own results listed');
    await context.sendActivity(myResultsReply(results, myResults.contestTitle, MY_RESULTS_LIMIT));
  }

  private async answer(context: TurnContext, question: string, log: Logger): Promise<void> {
    // A greeting or thanks is answered as such, also during a practice (which passes on what is
    // not an answer): searched as a question it would only be refused for its words.
    const courtesy = courtesyOf(question);
    if (courtesy === 'greeting') {
      await context.sendActivity(welcomeReply(this.quiz !== undefined));
      return;
    }
    if (courtesy === 'thanks') {
      await context.sendActivity(textReply(texts.thanks));
      return;
    }
    const activity = context.activity;
    const state = await this.askState.get(context, {});
    const started = performance.now();
    const asked: AskContext = {
      previousQuery: state.lastQuery,
      previousQuestion: state.lastQuestion,
      previousSources: state.lastSources,
    };
    const result = await this.options.answerer.ask(question, asked);
    const unknownArticles = result.unknownArticles;
    const missing =
      result.unknownDocuments ??
      unknownArticles?.articles.map(
        (a) => `${a} ${unknownArticles.document.number || unknownArticles.document.title}`,
      ) ??
      result.unknownWords ??
      (result.unstatedFigure ? [texts.figureNames[result.unstatedFigure]] : undefined);
    const record = await this.options.feedbackStore.recordAnswer({
      conversationId: activity.conversation.id,
      userId: activity.from?.id ?? 'unknown',
      channelId: activity.channelId,
      question,
      query: result.query,
      answered: result.answered,
      citations: result.citations,
      ...(missing ? { missing } : {}),
    });
    const next = contextAfter(asked, question, result);
    if (next !== asked) {
      await this.askState.set(context, {
        ...state,
        lastQuery: next.previousQuery,
        lastQuestion: next.previousQuestion,
        lastSources: next.previousSources,
      });
    }
    this.options.metrics.recordAnswer(result.answered ? 'answered' : 'not_found');
    log.info(
      {
        answerId: record.id,
        answered: result.answered,
        ...(missing ? { missing } : {}),
        confidence: result.confidence,
        citations: result.citations.map((c) => `${c.docId}#${c.section}`),
        ms: Math.round(performance.now() - started),
      },
      'question answered',
    );
    log.debug({ question, query: result.query }, 'question text');
    await context.sendActivity(answerReply(result, record.id));
  }

  private async handleFeedback(context: TurnContext, log: Logger): Promise<void> {
    const activity = context.activity;
    const parsed = feedbackPayloadSchema.safeParse(activity.value);
    if (!parsed.success) {
      log.warn('malformed feedback payload rejected');
      await context.sendActivity(textReply(texts.feedbackInvalid));
      return;
    }
    try {
      const outcome = await this.options.feedbackStore.recordVote({
        answerId: parsed.data.answerId,
        conversationId: activity.conversation.id,
        userId: activity.from?.id ?? '',
        vote: parsed.data.vote,
      });
      log.info({ answerId: parsed.data.answerId, vote: parsed.data.vote, outcome }, 'feedback');
      await context.sendActivity(
        textReply(
          outcome === 'replaced' ? texts.feedbackUpdated : texts.feedbackThanks[parsed.data.vote],
        ),
      );
    } catch (err) {
      if (!(err instanceof NotFoundError || err instanceof InvalidInputError)) throw err;
      log.warn({ answerId: parsed.data.answerId, reason: err.message }, 'feedback rejected');
      await context.sendActivity(textReply(texts.feedbackInvalid));
    }
  }
}

/** The message text without an @mention of the bot (Teams channels), or '' when absent. */
function messageText(activity: Activity): string {
  if (typeof activity.text !== 'string') return '';
  const botId = activity.recipient?.id;
  let text = activity.text;
  // Entities come from the client: check their shape rather than trusting it.
  for (const entity of Array.isArray(activity.entities) ? activity.entities : []) {
    const mention = entity as { type?: unknown; text?: unknown; mentioned?: { id?: unknown } };
    if (
      botId &&
      mention.type === 'mention' &&
      isRecord(mention.mentioned) &&
      mention.mentioned.id === botId &&
      typeof mention.text === 'string' &&
      mention.text.length > 0
    ) {
      text = text.replace(mention.text, ' ');
    }
  }
  return text;
}
