import { ActionTypes, CardFactory, type Attachment, type CardAction } from 'botbuilder';
import type { Attempt, PresentedQuestion } from '../src/quiz';
import { adaptiveCard, submitAction, supportsAdaptiveCards, textBlock } from './adaptive-card';
import { escapeMarkdown } from './markdown';
import type { Reply } from './messages';
import { choiceLetter } from './quiz-format';
import type { QuizAnswerPayload } from './quiz-payloads';
import { quizTexts } from './quiz-texts';

/** What {@link questionReply} shows. */
export interface QuestionReplyInput {
  /** Decides between an Adaptive Card and a hero card. */
  channelId: string | undefined;
  attempt: Pick<Attempt, 'id' | 'mode'>;
  question: PresentedQuestion;
  /** Time left of a timed attempt (contests). */
  remainingMs?: number;
  /** Paragraphs shown before the question: an introduction, a reminder, an acknowledgement. */
  preface?: readonly string[];
}

/** `Câu 3/10 · Còn 12 phút 30 giây`. */
function heading(question: PresentedQuestion, remainingMs: number | undefined): string {
  const parts = [quizTexts.questionHeading(question.index + 1, question.total)];
  if (remainingMs !== undefined) parts.push(quizTexts.timeLeft(remainingMs));
  return parts.join(' · ');
}

/**
 * The question as Markdown text: heading with time left, question, every option with its letter,
 * and how to answer. Every channel shows it, so typing "B" always works.
 */
export function questionText(input: Omit<QuestionReplyInput, 'channelId'>): string {
  const { attempt, question, remainingMs, preface = [] } = input;
  const options = question.options.map(
    (option, i) => `- **${choiceLetter(i)}.** ${escapeMarkdown(option)}`,
  );
  const hint = [
    quizTexts.answerHint(question.options.length),
    attempt.mode === 'contest' ? quizTexts.contestHint : quizTexts.practiceHint,
  ].join(' ');
  return [
    ...preface,
    `**${heading(question, remainingMs)}**`,
    escapeMarkdown(question.text),
    options.join('\n'),
    `_${hint}_`,
  ].join('\n\n');
}

/** The payload of the button for option `choice` of this question. */
export function answerPayload(
  attempt: Pick<Attempt, 'id'>,
  question: PresentedQuestion,
  choice: number,
): QuizAnswerPayload {
  return { type: 'quiz-answer', attemptId: attempt.id, index: question.index, choice };
}

function answerButtons(input: QuestionReplyInput): Attachment {
  const { attempt, question, remainingMs } = input;
  const letters = question.options.map((_, i) => choiceLetter(i));
  if (supportsAdaptiveCards(input.channelId)) {
    return adaptiveCard(
      [
        textBlock(quizTexts.questionHeading(question.index + 1, question.total), {
          weight: 'Bolder',
          size: 'Medium',
        }),
        ...(remainingMs === undefined
          ? []
          : [textBlock(quizTexts.timeLeft(remainingMs), { color: 'Attention', spacing: 'None' })]),
      ],
      letters.map((letter, i) => submitAction(letter, answerPayload(attempt, question, i))),
      // Shown instead of the card where it cannot be rendered: the message's text already holds
      // the question and its options, so only how to answer without the buttons is said.
      `${heading(question, remainingMs)}. ${quizTexts.typedAnswerHint(question.options.length)}`,
    );
  }
  // messageBack sends the payload where the channel supports it, else the letter as typed text.
  const buttons: CardAction[] = letters.map((letter, i) => ({
    type: ActionTypes.MessageBack,
    title: letter,
    text: letter,
    displayText: letter,
    value: answerPayload(attempt, question, i),
  }));
  return CardFactory.heroCard(heading(question, remainingMs), undefined, buttons);
}

/**
 * A question: the full text (with the options) and a card of A/B/C/D buttons carrying
 * `{type: 'quiz-answer', attemptId, index, choice}`: an Adaptive Card where the channel renders
 * one, a hero card elsewhere.
 */
export function questionReply(input: QuestionReplyInput): Reply {
  const text = questionText(input);
  return {
    type: 'message',
    text,
    textFormat: 'markdown',
    attachments: [answerButtons(input)],
  };
}
