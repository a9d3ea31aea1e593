import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import {
  DialogSet,
  DialogTurnStatus,
  type DialogContext,
  type DialogState,
  type DialogTurnResult,
} from '../../dialogs';
import {
  answerTurn,
  ATTEMPT_DIALOG,
  AttemptDialog,
  CONTEST_DIALOG,
  ContestDialog,
  isUnhandled,
  looksLikeTypedAnswer,
  parseQuizCommand,
  plainAnswerPayload,
  PRACTICE_DIALOG,
  PracticeDialog,
  QuizPresenter,
  quizPayloadSchema,
  quizTexts,
  quizUser,
  textReply,
  type AttemptDialogOptions,
  type ContestDialogOptions,
  type DescribeSource,
  type PracticeDialogOptions,
  type QuizCommand,
  type QuizDialogDeps,
  type QuizTopicInfo,
} from '../../dialogs';
import type { DirectoryRepository } from '../directory';
import type { Logger } from '../logger';
import type { QuizAnswerInput, QuizService } from '../quiz';
import { turnLogger } from './turn-logger';

/**
 * Tells inbound activities already handled, so that a channel's retry has no second effect:
 * `isHandled` is `true` once the change a (channel, activity id) pair caused is committed (the
 * quiz service stores the pair with it, see `QuizUser.activity`). Only reads.
 */
export interface ActivityDedupPort {
  isHandled(channelId: string, activityId: string): Promise<boolean> | boolean;
}

/** Dependencies of {@link QuizRouter}. */
export interface QuizRouterOptions {
  service: QuizService;
  /** Where the dialog stack is kept (conversation state); a hint only, see {@link QuizRouter}. */
  dialogState: StatePropertyAccessor<DialogState>;
  activityDedup?: ActivityDedupPort;
  directory?: Pick<DirectoryRepository, 'getPerson'>;
  topics?: readonly QuizTopicInfo[];
  describeSource?: DescribeSource;
  /** The Q&A path, for questions asked during a practice. */
  answerQuestion(context: TurnContext, text: string): Promise<void>;
  logger: Logger;
}

const TEXT_KEY = Symbol('quizText');
const FIRST_DELIVERY_KEY = Symbol('quizFirstDelivery');

/**
 * The stack waits on the attempt dialog only: the attempt dialog alone, or the contest dialog
 * that started the attempt and runs it as its inner dialog (`ComponentDialog` keeps the inner
 * stack under `dialogs`). Either handles the next message exactly as the direct answer path does.
 */
function waitsOnAttempt(stack: DialogState['dialogStack']): boolean {
  if (stack.length !== 1) return false;
  const only = stack[0]!;
  if (only.id === ATTEMPT_DIALOG) return true;
  if (only.id !== CONTEST_DIALOG) return false;
  const inner = (only.state as { dialogs?: Partial<DialogState> } | undefined)?.dialogs;
  return inner?.dialogStack?.length === 1 && inner.dialogStack[0]!.id === ATTEMPT_DIALOG;
}

const handled = (result: DialogTurnResult): boolean =>
  !(result.status === DialogTurnStatus.complete && isUnhandled(result.result));

/**
 * Routes quiz messages to the quiz dialogs (`PRACTICE_DIALOG`, `CONTEST_DIALOG`,
 * `ATTEMPT_DIALOG`). Commands and card buttons start a dialog afresh; other text continues the
 * active dialog, if any. The quiz service is the source of truth: when no dialog is active (after a
 * restart, a turn error that cleared the state, or on another device) a message from someone with
 * a running attempt resumes it through `quizService.resume`, so the dialog stack is only a hint.
 *
 * Answers (a card's answer button, or a typed "B" when no other dialog waits for text) take a
 * direct path: the same `answerTurn` the attempt dialog runs, without the dialog machinery. The
 * attempt dialog keeps no state of its own, so whether it waits on the stack or not changes
 * nothing for the next message; the direct path only clears a stack that holds another dialog
 * (as beginning the attempt dialog afresh would) and ends the attempt dialog once the attempt is
 * over. The contest dialog running the attempt it started counts as the attempt dialog. In the
 * common case the conversation state is then left unchanged and not written.
 */
export class QuizRouter {
  private readonly dialogs: DialogSet;
  private readonly deps: QuizDialogDeps;
  private readonly presenter: QuizPresenter;

  constructor(private readonly options: QuizRouterOptions) {
    const { directory } = options;
    const deps: QuizDialogDeps = {
      service: options.service,
      topics: options.topics,
      describeSource: options.describeSource,
      textOf: (context) => (context.turnState.get(TEXT_KEY) as string | undefined) ?? '',
      answerQuestion: options.answerQuestion,
      isFirstDelivery: (context) => this.isFirstDelivery(context),
      ...(directory
        ? { candidateName: async (userId) => (await directory.getPerson(userId))?.fullName }
        : {}),
      logger: (context) => turnLogger(context, options.logger),
    };
    this.deps = deps;
    this.presenter = new QuizPresenter(deps);
    this.dialogs = new DialogSet(options.dialogState)
      .add(new PracticeDialog(deps))
      .add(new ContestDialog(deps))
      .add(new AttemptDialog(deps));
  }

  /** A card value meant for the quizzes (`isQuizValue`): a button, or a forged or stale one. */
  async handleValue(context: TurnContext): Promise<void> {
    const answer = plainAnswerPayload(context.activity.value);
    if (answer) {
      const { attemptId, index, choice } = answer;
      return this.answerDirectly(context, { kind: 'button', attemptId, index, choice });
    }
    const parsed = quizPayloadSchema.safeParse(context.activity.value);
    if (parsed.success && parsed.data.type === 'quiz-answer') {
      const { attemptId, index, choice } = parsed.data;
      return this.answerDirectly(context, { kind: 'button', attemptId, index, choice });
    }
    const dc = await this.dialogs.createContext(context);
    await dc.cancelAllDialogs();
    if (parsed.success) {
      const payload = parsed.data;
      switch (payload.type) {
        case 'contest-open':
          return this.begin(dc, CONTEST_DIALOG, {
            action: 'prepare',
            contestId: payload.contestId,
          });
        case 'contest-start':
          return this.begin(dc, CONTEST_DIALOG, { action: 'start', contestId: payload.contestId });
        case 'contest-later':
          return this.begin(dc, CONTEST_DIALOG, { action: 'later', contestId: payload.contestId });
        default:
          break;
      }
    }
    // Answers and tiebreak predictions, and values that fail validation (politely refused).
    await this.begin(dc, ATTEMPT_DIALOG, { mode: 'input' });
  }

  /**
   * Text (already checked and normalised by the bot): a quiz command, an answer, or a message
   * during a running attempt. Resolves `false` when the text is none of these and should be
   * answered as a question.
   */
  async handleText(context: TurnContext, text: string): Promise<boolean> {
    context.turnState.set(TEXT_KEY, text);
    const command = parseQuizCommand(text);
    if (command) {
      const dc = await this.dialogs.createContext(context);
      // An unknown command is only answered; a running attempt's dialog stays as it is.
      if (command.kind !== 'unknown') await dc.cancelAllDialogs();
      await this.runCommand(dc, command);
      return true;
    }
    // A dialog context is costly to build (memory scopes): only when a dialog is to run.
    const stack = (await this.options.dialogState.get(context))?.dialogStack ?? [];
    const active = stack[stack.length - 1]?.id;
    const typedAnswer = looksLikeTypedAnswer(text);
    if (
      typedAnswer &&
      (active === undefined || active === ATTEMPT_DIALOG || waitsOnAttempt(stack))
    ) {
      // What the attempt dialog would do with it, whether it waits on the stack or begins now.
      await this.answerDirectly(context, { kind: 'text', text });
      return true;
    }
    if (active !== undefined) {
      const dc = await this.dialogs.createContext(context);
      if (handled(await dc.continueDialog())) return true;
    }
    if (typedAnswer) {
      await this.begin(await this.dialogs.createContext(context), ATTEMPT_DIALOG, {
        mode: 'input',
      });
      return true;
    }
    const resumed = await this.options.service.resume(quizUser(context));
    if (!resumed) return false;
    const input: AttemptDialogOptions = { mode: 'input', resumed };
    const dc = await this.dialogs.createContext(context);
    return handled(await dc.beginDialog(ATTEMPT_DIALOG, input));
  }

  /**
   * An answer, without the dialogs: `answerTurn`, then the dialog stack set as the dialogs would
   * leave it for the next message (see the class comment).
   */
  private async answerDirectly(context: TurnContext, input: QuizAnswerInput): Promise<void> {
    const state = await this.options.dialogState.get(context);
    const stack = state?.dialogStack ?? [];
    const onlyAttempt = waitsOnAttempt(stack);
    if (stack.length > 0 && !onlyAttempt)
      await this.options.dialogState.set(context, { dialogStack: [] });
    const next = await answerTurn(this.deps, this.presenter, context, input);
    if (next === 'end' && onlyAttempt) {
      await this.options.dialogState.set(context, { dialogStack: [] });
    }
  }

  private runCommand(dc: DialogContext, command: QuizCommand): Promise<void> {
    switch (command.kind) {
      case 'practice':
        return this.begin(dc, PRACTICE_DIALOG, { topic: command.topic });
      case 'contests':
        return this.begin(dc, CONTEST_DIALOG, { action: 'list' });
      case 'contest':
        return this.begin(dc, CONTEST_DIALOG, { action: 'prepare', contestId: command.contestId });
      case 'start-contest':
        return this.begin(dc, CONTEST_DIALOG, { action: 'start', contestId: command.contestId });
      case 'later':
        return this.begin(dc, CONTEST_DIALOG, { action: 'later' });
      case 'submit':
      case 'cancel':
        return this.begin(dc, ATTEMPT_DIALOG, { mode: 'command', command: command.kind });
      case 'unknown':
        return this.unknownCommand(dc.context, command.command);
    }
  }

  private async begin(
    dc: DialogContext,
    id: string,
    options: PracticeDialogOptions | ContestDialogOptions | AttemptDialogOptions,
  ): Promise<void> {
    await dc.beginDialog(id, options);
  }

  private async unknownCommand(context: TurnContext, command: string): Promise<void> {
    turnLogger(context, this.options.logger).info({ command }, 'unknown command');
    await context.sendActivity(textReply(quizTexts.unknownCommand(command)));
  }

  /**
   * Asks the dedup port once per turn; without a port (or an activity id) every turn is first.
   * Nothing is recorded here: a turn that fails before its change is committed leaves no mark,
   * so the channel's retry is handled.
   */
  private async isFirstDelivery(context: TurnContext): Promise<boolean> {
    const known = context.turnState.get(FIRST_DELIVERY_KEY) as boolean | undefined;
    if (known !== undefined) return known;
    const { activityDedup } = this.options;
    const { channelId, id } = context.activity;
    const first = activityDedup && id ? !(await activityDedup.isHandled(channelId, id)) : true;
    context.turnState.set(FIRST_DELIVERY_KEY, first);
    if (!first) turnLogger(context, this.options.logger).info('duplicate quiz activity ignored');
    return first;
  }
}
