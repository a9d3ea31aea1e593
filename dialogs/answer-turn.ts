import type { TurnContext } from 'botbuilder';
import type { QuizAnswerInput } from '../src/quiz';
import { quizUser, type QuizDialogDeps } from './quiz-dialog-deps';
import type { QuizNext, QuizPresenter } from './quiz-presenter';

/**
 * One answer to the running attempt (a card button, or a typed "B" / "3"): a channel's retry of
 * an activity already handled has no second effect and gets no reply (a button's is told by the
 * service as `duplicate`, a typed one's by `isFirstDelivery`); otherwise the quiz service
 * decides (it refuses another person's, another attempt's or another question's answer, a second
 * answer, a late one) and the presenter puts the outcome into words. Shared by `AttemptDialog` and
 * the bot's direct answer path, so that both accept and refuse exactly the same answers.
 */
export async function answerTurn(
  deps: QuizDialogDeps,
  presenter: QuizPresenter,
  context: TurnContext,
  input: QuizAnswerInput,
): Promise<QuizNext> {
  // A button's second delivery finds its answer recorded: the service says `duplicate`, which
  // shows nothing. Only a typed answer, which could slide onto the next question, is checked.
  if (input.kind !== 'button' && !(await deps.isFirstDelivery(context))) return 'wait';
  const outcome = await deps.service.answer(quizUser(context), input);
  deps.logger(context).info({ input: input.kind, outcome: outcome.kind }, 'quiz answer');
  return presenter.show(context, outcome, { answered: true });
}
