import type { TurnContext } from 'botbuilder';
import type { QuizOutcome, QuizRejection } from '../src/quiz';
import { textReply, type Reply } from './messages';
import { quizUser, type QuizDialogDeps } from './quiz-dialog-deps';
import { outcomeReplies, type OutcomeReplyOptions } from './quiz-replies';
import { quizTexts, type RejectionContext } from './quiz-texts';

/** After a reply: keep waiting for an answer, or the attempt (or the exchange) is over. */
export type QuizNext = 'wait' | 'end';

type ShowOptions = Pick<OutcomeReplyOptions, 'answered' | 'preface'> & {
  rejection?: RejectionContext;
};

/** Refusals after which the person is shown the question he should answer now. */
const SHOW_CURRENT: ReadonlySet<QuizRejection> = new Set([
  'attempt-running',
  'wrong-question',
  'already-answered',
  'wrong-attempt',
  'conflict',
]);
/** Refusals whose message names the valid letters of the current question. */
const NEEDS_OPTIONS: ReadonlySet<QuizRejection> = new Set([
  'choice-out-of-range',
  'invalid-answer',
]);

/**
 * Puts quiz outcomes into words for the dialogs, and tells them whether an attempt still runs.
 * A refusal of an answer is followed by the question to answer now (read again from the service,
 * the source of truth), so the person always knows where he stands.
 */
export class QuizPresenter {
  constructor(private readonly deps: QuizDialogDeps) {}

  /** Sends the replies for `outcome`; resolves whether an attempt is now waiting for an answer. */
  async show(
    context: TurnContext,
    outcome: QuizOutcome,
    options: ShowOptions = {},
  ): Promise<QuizNext> {
    if (outcome.kind === 'rejected') return this.refuse(context, outcome.reason, options.rejection);
    const candidateName =
      outcome.kind === 'finished' && outcome.contest && this.deps.candidateName
        ? await this.deps.candidateName(outcome.attempt.userId)
        : undefined;
    await this.send(
      context,
      outcomeReplies(outcome, { ...this.render(context), ...options, candidateName }),
    );
    return outcome.kind === 'question' ||
      outcome.kind === 'tiebreak' ||
      outcome.kind === 'duplicate'
      ? 'wait'
      : 'end';
  }

  /** The current question again, after `preface` (a reminder): for text that is not an answer. */
  async remind(
    context: TurnContext,
    current: Extract<QuizOutcome, { kind: 'question' | 'tiebreak' }>,
    preface: string,
  ): Promise<void> {
    const plain = current.kind === 'question' ? { ...current, feedback: undefined } : current;
    await this.send(
      context,
      outcomeReplies(plain, { ...this.render(context), preface: [preface], introduce: false }),
    );
  }

  /** Sends plain text. */
  async say(context: TurnContext, text: string): Promise<void> {
    await context.sendActivity(textReply(text));
  }

  private async refuse(
    context: TurnContext,
    reason: QuizRejection,
    rejection: RejectionContext = {},
  ): Promise<QuizNext> {
    this.deps.logger(context).info({ reason }, 'quiz request refused');
    if (!SHOW_CURRENT.has(reason) && !NEEDS_OPTIONS.has(reason)) {
      await this.say(context, quizTexts.rejection(reason, rejection));
      return reason === 'contest-cannot-be-cancelled' ? 'wait' : 'end';
    }
    const current = await this.deps.service.resume(quizUser(context));
    const running =
      current?.kind === 'question' || current?.kind === 'tiebreak' ? current : undefined;
    const optionCount = running?.kind === 'question' ? running.question.options.length : undefined;
    const message = quizTexts.rejection(reason, { ...rejection, optionCount });
    if (running && SHOW_CURRENT.has(reason)) {
      await this.remind(context, running, message);
      return 'wait';
    }
    await this.say(context, message);
    if (current && !running) {
      // The attempt ended meanwhile (its deadline passed): show its result.
      return this.show(context, current);
    }
    return running ? 'wait' : 'end';
  }

  private render(context: TurnContext): OutcomeReplyOptions {
    return {
      channelId: context.activity.channelId,
      topics: this.deps.topics,
      describeSource: this.deps.describeSource,
    };
  }

  private async send(context: TurnContext, replies: Reply[]): Promise<void> {
    if (replies.length > 0) await context.sendActivities(replies);
  }
}
