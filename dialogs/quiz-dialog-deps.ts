import { TurnContext } from 'botbuilder';
import type { QuizService, QuizUser } from '../src/quiz';
import type { Logger } from '../src/logger';
import type { DescribeSource, QuizTopicInfo } from './quiz-render-options';

/**
 * What the quiz dialogs need, injected by the bot. The quiz service holds every piece of quiz
 * state; the dialogs keep nothing that a restart (or a cleared conversation state) could lose.
 */
export interface QuizDialogDeps {
  service: QuizService;
  /** The bank's topics: practice topics are matched against them, results name them. */
  topics?: readonly QuizTopicInfo[];
  /** Looks up a cited document for practice feedback and reviews. */
  describeSource?: DescribeSource;
  /** The message text as the bot read it (mention removed, normalised); '' when there is none. */
  textOf(context: TurnContext): string;
  /** Answers free text through the Q&A path (a question asked during a practice). */
  answerQuestion(context: TurnContext, text: string): Promise<void>;
  /**
   * `false` when this activity was already handled (a channel's retry): it must then have no
   * second effect. Gives the same answer to every call within one turn. Only a hint, read before
   * acting: the service records the activity with the change it makes (`QuizUser.activity`) and
   * answers `duplicate` to a retry that slips past this check.
   */
  isFirstDelivery(context: TurnContext): Promise<boolean>;
  /** The person's full name from the directory, for a contest result; `undefined` if unknown. */
  candidateName?(userId: string): Promise<string | undefined>;
  /** The logger of this turn. */
  logger(context: TurnContext): Logger;
}

/**
 * The person acting in this turn for the quiz service: Teams' `aadObjectId` (the same on every
 * device), else `from.id`; with the conversation reference, for the deadline's proactive message,
 * and the activity's channel and id, so that what it changes is recorded once.
 */
export function quizUser(context: TurnContext): QuizUser {
  const { from, channelId, id } = context.activity;
  return {
    userId: from?.aadObjectId || from?.id || '',
    conversation: TurnContext.getConversationReference(context.activity),
    ...(typeof id === 'string' && id !== ''
      ? { activity: { channelId: String(channelId ?? ''), activityId: id } }
      : {}),
  };
}

/** What a quiz dialog ends with when the message was not for it: the bot routes it elsewhere. */
export const UNHANDLED = Object.freeze({ unhandled: true as const });

export function isUnhandled(result: unknown): boolean {
  return (
    typeof result === 'object' &&
    result !== null &&
    (result as { unhandled?: unknown }).unhandled === true
  );
}
