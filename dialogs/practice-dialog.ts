import {
  ComponentDialog,
  WaterfallDialog,
  type DialogTurnResult,
  type WaterfallStepContext,
} from './dialog-framework';
import { ATTEMPT_DIALOG, AttemptDialog, type AttemptDialogOptions } from './attempt-dialog';
import { matchTopic } from './practice-topic';
import { quizUser, type QuizDialogDeps } from './quiz-dialog-deps';
import { QuizPresenter } from './quiz-presenter';
import { quizTexts } from './quiz-texts';

export const PRACTICE_DIALOG = 'PRACTICE_DIALOG';
const PRACTICE_START = 'PRACTICE_START';

/** `/luyentap [chủ đề]`: the topic as typed, if any. */
export interface PracticeDialogOptions {
  topic?: string;
}

/**
 * `/luyentap [chủ đề]` ("luyện tập", "ôn thi"): finds the topic in the bank (by id or name,
 * without diacritics), starts a practice through the quiz service (or resumes the one that runs),
 * shows the first question and hands over to {@link AttemptDialog} for the answers.
 */
export class PracticeDialog extends ComponentDialog<PracticeDialogOptions> {
  private readonly presenter: QuizPresenter;

  constructor(private readonly deps: QuizDialogDeps) {
    super(PRACTICE_DIALOG);
    this.presenter = new QuizPresenter(deps);
    this.addDialog(new WaterfallDialog(PRACTICE_START, [this.startStep.bind(this)]));
    this.addDialog(new AttemptDialog(deps));
    this.initialDialogId = PRACTICE_START;
  }

  private async startStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { topic } = (step.options ?? {}) as PracticeDialogOptions;
    let topicId = topic;
    const { topics } = this.deps;
    // An empty list means the bank is still loading: the service matches the topic itself.
    if (topic && topics && topics.length > 0) {
      const found = matchTopic(topics, topic);
      if (!found) {
        await this.presenter.say(
          step.context,
          quizTexts.unknownTopic(
            topic,
            topics.map((t) => t.name),
          ),
        );
        return step.endDialog();
      }
      topicId = found.id;
    }
    if (!(await this.deps.isFirstDelivery(step.context))) return step.endDialog();
    const outcome = await this.deps.service.startPractice(quizUser(step.context), topicId);
    const next = await this.presenter.show(step.context, outcome);
    if (next === 'end') return step.endDialog();
    const wait: AttemptDialogOptions = { mode: 'wait' };
    return step.replaceDialog(ATTEMPT_DIALOG, wait);
  }
}
