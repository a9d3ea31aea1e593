import type { TurnContext } from 'botbuilder';
import {
  ComponentDialog,
  Dialog,
  WaterfallDialog,
  type DialogTurnResult,
  type WaterfallStepContext,
} from './dialog-framework';
import { parseTypedNumber, type QuizAnswerInput, type QuizOutcome } from '../src/quiz';
import { answerTurn } from './answer-turn';
import { looksLikeTypedAnswer } from './quiz-commands';
import { quizUser, UNHANDLED, type QuizDialogDeps } from './quiz-dialog-deps';
import { isQuizValue, quizPayloadSchema, type QuizTiebreakPayload } from './quiz-payloads';
import { QuizPresenter, type QuizNext } from './quiz-presenter';
import { quizTexts } from './quiz-texts';

export const ATTEMPT_DIALOG = 'ATTEMPT_DIALOG';
const ATTEMPT_LOOP = 'ATTEMPT_LOOP';

/**
 * How {@link AttemptDialog} begins: handle this turn's message as input (optionally with the
 * running attempt already read by the caller), run `/nopbai` or `/huy`, or just wait for the next
 * message (the caller has shown the question).
 */
export type AttemptDialogOptions =
  | { mode: 'input'; resumed?: QuizOutcome }
  | { mode: 'command'; command: 'submit' | 'cancel' }
  | { mode: 'wait' };

type Next = QuizNext | 'unhandled';

/**
 * Runs one attempt (practice or contest) to its end, one message at a time: an answer (a card
 * button or typed "B", "3", "Đáp án C") goes to the quiz service; the reply shows practice
 * feedback, the next question, the tiebreak or the result. Text that is not an answer: during a
 * contest, a reminder with the current question and the time left (no Q&A); during a practice,
 * the Q&A answer and then a reminder. When no attempt runs any more, the dialog ends and hands
 * the message back (`UNHANDLED`).
 *
 * The dialog keeps no quiz state of its own: every turn asks the service, so it resumes the
 * same way after a restart, on another device, or after the deadline scheduler ended the attempt.
 */
export class AttemptDialog extends ComponentDialog<AttemptDialogOptions> {
  private readonly presenter: QuizPresenter;

  constructor(private readonly deps: QuizDialogDeps) {
    super(ATTEMPT_DIALOG);
    this.presenter = new QuizPresenter(deps);
    this.addDialog(
      new WaterfallDialog(ATTEMPT_LOOP, [this.beginStep.bind(this), this.inputStep.bind(this)]),
    );
    this.initialDialogId = ATTEMPT_LOOP;
  }

  private async beginStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const options = (step.options ?? { mode: 'wait' }) as AttemptDialogOptions;
    switch (options.mode) {
      case 'input':
        return this.then(step, await this.handleInput(step.context, options.resumed));
      case 'command':
        return this.then(step, await this.handleCommand(step.context, options.command));
      case 'wait':
        return Dialog.EndOfTurn;
    }
  }

  private async inputStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return this.then(step, await this.handleInput(step.context));
  }

  private then(step: WaterfallStepContext, next: Next): Promise<DialogTurnResult> {
    if (next === 'wait') return step.replaceDialog(ATTEMPT_LOOP, { mode: 'wait' });
    return step.endDialog(next === 'unhandled' ? UNHANDLED : undefined);
  }

  private async handleCommand(context: TurnContext, command: 'submit' | 'cancel'): Promise<Next> {
    if (!(await this.deps.isFirstDelivery(context))) return 'end';
    const user = quizUser(context);
    const { service } = this.deps;
    const outcome = command === 'submit' ? await service.submit(user) : await service.cancel(user);
    this.deps.logger(context).info({ command, outcome: outcome.kind }, 'quiz command');
    return this.presenter.show(context, outcome);
  }

  private async handleInput(context: TurnContext, resumed?: QuizOutcome): Promise<Next> {
    const value: unknown = context.activity.value;
    if (isQuizValue(value)) return this.handlePayload(context, value);
    const text = this.deps.textOf(context);
    if (!text) return 'unhandled';
    if (looksLikeTypedAnswer(text)) return this.answer(context, { kind: 'text', text });

    const current = resumed ?? (await this.deps.service.resume(quizUser(context)));
    if (!current) return 'unhandled';
    switch (current.kind) {
      case 'tiebreak':
        // Whatever is typed now is read as the prediction asked.
        if (parseTypedNumber(text) !== undefined) {
          return this.answer(context, { kind: 'text', text });
        }
        await this.presenter.remind(context, current, quizTexts.tiebreakReminder);
        return 'wait';
      case 'question':
        if (current.attempt.mode === 'contest') {
          await this.presenter.remind(context, current, quizTexts.contestReminder);
        } else {
          await this.deps.answerQuestion(context, text);
          await this.presenter.remind(context, current, quizTexts.practiceReminder);
        }
        return 'wait';
      default:
        // The attempt ended as it was read (its deadline passed): show the result, then let the
        // bot handle the message itself.
        await this.presenter.show(context, current);
        return 'unhandled';
    }
  }

  private async handlePayload(context: TurnContext, value: unknown): Promise<Next> {
    const parsed = quizPayloadSchema.safeParse(value);
    if (!parsed.success) {
      this.deps.logger(context).warn('malformed quiz payload refused');
      await this.presenter.say(context, quizTexts.invalidPayload);
      return 'wait';
    }
    const payload = parsed.data;
    switch (payload.type) {
      case 'quiz-answer': {
        const { attemptId, index, choice } = payload;
        return this.answer(context, { kind: 'button', attemptId, index, choice });
      }
      case 'quiz-tiebreak':
        return this.tiebreak(context, payload);
      default:
        return 'unhandled';
    }
  }

  /**
   * The tiebreak card's prediction. The port takes it as typed text, so the attempt id the card
   * names is checked here against the running attempt.
   */
  private async tiebreak(context: TurnContext, payload: QuizTiebreakPayload): Promise<Next> {
    if (!(await this.deps.isFirstDelivery(context))) return 'wait';
    const text = String(payload.prediction ?? '').trim();
    if (parseTypedNumber(text) === undefined) {
      await this.presenter.say(context, quizTexts.tiebreakReminder);
      return 'wait';
    }
    const current = await this.deps.service.resume(quizUser(context));
    if (current?.kind === 'finished') return this.presenter.show(context, current);
    if (current?.kind !== 'question' && current?.kind !== 'tiebreak') {
      return this.presenter.show(context, { kind: 'rejected', reason: 'wrong-attempt' });
    }
    if (current.attempt.id !== payload.attemptId) {
      return this.presenter.show(context, { kind: 'rejected', reason: 'wrong-attempt' });
    }
    if (current.kind !== 'tiebreak') {
      return this.presenter.show(context, { kind: 'rejected', reason: 'wrong-question' });
    }
    return this.answer(context, { kind: 'text', text });
  }

  private answer(context: TurnContext, input: QuizAnswerInput): Promise<Next> {
    return answerTurn(this.deps, this.presenter, context, input);
  }
}
