import {
  ComponentDialog,
  Dialog,
  WaterfallDialog,
  type DialogTurnResult,
  type WaterfallStepContext,
} from './dialog-framework';
import { ATTEMPT_DIALOG, AttemptDialog, type AttemptDialogOptions } from './attempt-dialog';
import { parseConfirmation } from './quiz-commands';
import { quizUser, UNHANDLED, type QuizDialogDeps } from './quiz-dialog-deps';
import { QuizPresenter } from './quiz-presenter';
import { quizTexts } from './quiz-texts';

export const CONTEST_DIALOG = 'CONTEST_DIALOG';
const CONTEST_FLOW = 'CONTEST_FLOW';

/**
 * `list`: `/thi`; `prepare`: `/thi <id>` or the list's button (confirmation card); `start`: the
 * card's "Bắt đầu" or `/batdau <id>`; `later`: the card's "Để sau".
 */
export type ContestDialogOptions =
  | { action: 'list' }
  | { action: 'prepare' | 'start'; contestId: string }
  | { action: 'later'; contestId?: string };

/** What the waterfall remembers while the confirmation card waits. */
interface ConfirmValues {
  contestId: string;
}

/**
 * The contests: lists those open to the person, shows a contest's confirmation card (rules, time
 * limit, deadline, attempts left) and waits for "Bắt đầu" / "Để sau" (a button, which works
 * without this dialog's state, or typed "bắt đầu" / "để sau"), then starts the attempt through
 * the quiz service and hands over to {@link AttemptDialog}. Any other message while the card
 * waits ends this dialog and goes back to the bot (`UNHANDLED`).
 */
export class ContestDialog extends ComponentDialog<ContestDialogOptions> {
  private readonly presenter: QuizPresenter;

  constructor(private readonly deps: QuizDialogDeps) {
    super(CONTEST_DIALOG);
    this.presenter = new QuizPresenter(deps);
    this.addDialog(
      new WaterfallDialog(CONTEST_FLOW, [this.entryStep.bind(this), this.confirmStep.bind(this)]),
    );
    this.addDialog(new AttemptDialog(deps));
    this.initialDialogId = CONTEST_FLOW;
  }

  private async entryStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const options = step.options as ContestDialogOptions;
    const { context } = step;
    const user = quizUser(context);
    switch (options.action) {
      case 'list':
        await this.presenter.show(context, await this.deps.service.listContests(user));
        return step.endDialog();
      case 'later':
        await this.presenter.say(context, quizTexts.later(options.contestId));
        return step.endDialog();
      case 'start':
        return this.start(step, options.contestId);
      case 'prepare': {
        const outcome = await this.deps.service.prepareContest(user, options.contestId);
        const next = await this.presenter.show(context, outcome, {
          rejection: { contestId: options.contestId },
        });
        if (outcome.kind === 'confirm') {
          (step.values as ConfirmValues).contestId = outcome.listing.contest.id;
          return Dialog.EndOfTurn;
        }
        // This contest already runs for the person: its question was shown, go on with it.
        return next === 'wait' ? this.continueAttempt(step) : step.endDialog();
      }
    }
  }

  private async confirmStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { contestId } = step.values as ConfirmValues;
    const reply = parseConfirmation(this.deps.textOf(step.context));
    if (reply === 'start') return this.start(step, contestId);
    if (reply === 'later') {
      await this.presenter.say(step.context, quizTexts.later(contestId));
      return step.endDialog();
    }
    return step.endDialog(UNHANDLED);
  }

  private async start(step: WaterfallStepContext, contestId: string): Promise<DialogTurnResult> {
    if (!(await this.deps.isFirstDelivery(step.context))) return step.endDialog();
    const outcome = await this.deps.service.startContest(quizUser(step.context), contestId);
    const next = await this.presenter.show(step.context, outcome, { rejection: { contestId } });
    return next === 'wait' ? this.continueAttempt(step) : step.endDialog();
  }

  private continueAttempt(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const wait: AttemptDialogOptions = { mode: 'wait' };
    return step.replaceDialog(ATTEMPT_DIALOG, wait);
  }
}
