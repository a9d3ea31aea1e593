import type { AnswerFeedback } from '../src/quiz';
import { escapeMarkdown } from './markdown';
import type { Reply } from './messages';
import { choiceLetter } from './quiz-format';
import { citeSource, type DescribeSource } from './quiz-render-options';
import { quizTexts } from './quiz-texts';

/**
 * Feedback on a practice answer: right or wrong, the option chosen and the correct one, the
 * explanation, and the cited knowledge section (the quiz teaches from what the bot answers from).
 */
export function practiceFeedbackText(
  feedback: AnswerFeedback,
  describeSource?: DescribeSource,
): string {
  const { question, chosen, correct } = feedback;
  const option = (i: number) => escapeMarkdown(question.options[i] ?? '');
  const lines = [correct ? quizTexts.feedbackCorrect : quizTexts.feedbackWrong];
  if (!correct && question.options[chosen] !== undefined) {
    lines.push(quizTexts.feedbackChosen(choiceLetter(chosen), option(chosen)));
  }
  lines.push(
    quizTexts.feedbackAnswer(choiceLetter(question.correctChoice), option(question.correctChoice)),
  );
  return [
    ...lines,
    `**${quizTexts.explanationLabel}** ${escapeMarkdown(question.explanation)}`,
    `**${quizTexts.sourceLabel}** ${citeSource(question.source, describeSource)}`,
  ].join('\n\n');
}

export function practiceFeedbackReply(
  feedback: AnswerFeedback,
  describeSource?: DescribeSource,
): Reply {
  return {
    type: 'message',
    text: practiceFeedbackText(feedback, describeSource),
    textFormat: 'markdown',
  };
}
