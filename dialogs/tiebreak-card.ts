import type { Attempt, Contest } from '../src/quiz';
import { adaptiveCard, submitAction, supportsAdaptiveCards, textBlock } from './adaptive-card';
import { escapeMarkdown } from './markdown';
import type { Reply } from './messages';
import type { QuizTiebreakPayload } from './quiz-payloads';
import { quizTexts } from './quiz-texts';

/** What {@link tiebreakReply} shows. */
export interface TiebreakReplyInput {
  channelId: string | undefined;
  attempt: Pick<Attempt, 'id'>;
  contest: Pick<Contest, 'tiebreak'>;
  remainingMs?: number;
  /** Paragraphs shown first (e.g. a reminder). */
  preface?: readonly string[];
}

/** The `id` of the card's number input: its value arrives as `activity.value.prediction`. */
export const TIEBREAK_INPUT_ID = 'prediction';

/**
 * The contest's numeric tiebreak question: text that says to type a number (works everywhere) and,
 * where Adaptive Cards render, a number input with a submit button carrying
 * `{type: 'quiz-tiebreak', attemptId}` (the card adds `prediction`).
 */
export function tiebreakReply(input: TiebreakReplyInput): Reply {
  const { attempt, contest, remainingMs, preface = [] } = input;
  const question = contest.tiebreak?.question ?? '';
  const unit = contest.tiebreak?.unit;
  const headingParts = [quizTexts.tiebreakHeading];
  if (remainingMs !== undefined) headingParts.push(quizTexts.timeLeft(remainingMs));
  const text = [
    ...preface,
    quizTexts.tiebreakIntro,
    `**${headingParts.join(' · ')}**`,
    escapeMarkdown(question),
    `_${quizTexts.tiebreakHint(unit)} ${quizTexts.contestHint}_`,
  ].join('\n\n');
  const reply: Reply = { type: 'message', text, textFormat: 'markdown' };
  if (!supportsAdaptiveCards(input.channelId)) return reply;
  const data: Omit<QuizTiebreakPayload, 'prediction'> = {
    type: 'quiz-tiebreak',
    attemptId: attempt.id,
  };
  return {
    ...reply,
    attachments: [
      adaptiveCard(
        [
          textBlock(quizTexts.tiebreakHeading, { weight: 'Bolder', size: 'Medium' }),
          textBlock(question),
          {
            type: 'Input.Number',
            id: TIEBREAK_INPUT_ID,
            label: unit
              ? `${quizTexts.tiebreakInputLabel} (${unit})`
              : quizTexts.tiebreakInputLabel,
            min: 0,
            isRequired: true,
          },
        ],
        [submitAction(quizTexts.tiebreakSubmit, data)],
        text,
      ),
    ],
  };
}
